import { api } from '../../api/client';
import type { LoginRequest, LoginResponse, MeResponse } from '../../api/types';

export const authApi = {
  me: (signal?: AbortSignal) => api.get<MeResponse>('/api/v1/auth/me', { signal }),
  login: (body: LoginRequest) => api.post<LoginResponse>('/api/v1/auth/login', body),
  logout: () => api.post<void>('/api/v1/auth/logout'),
};
