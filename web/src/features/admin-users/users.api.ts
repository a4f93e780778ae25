import { api } from '../../api/client';
import type {
  AdminUser,
  CreateUserInput,
  CreateUserResponse,
  ListResponse,
  ResetPasswordResponse,
  UpdateUserInput,
} from '../../api/types';

export const usersApi = {
  list: (signal?: AbortSignal) => api.get<ListResponse<AdminUser>>('/api/v1/admin/users', { signal }),
  create: (input: CreateUserInput) => api.post<CreateUserResponse>('/api/v1/admin/users', input),
  update: (id: string, input: UpdateUserInput) => api.patch<AdminUser>(`/api/v1/admin/users/${encodeURIComponent(id)}`, input),
  resetPassword: (id: string) =>
    api.post<ResetPasswordResponse>(`/api/v1/admin/users/${encodeURIComponent(id)}/reset-password`),
};
