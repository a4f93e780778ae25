import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type ru from '../../i18n/ru.json';

type ActionKey = `actions.${keyof typeof ru.actions}`;
type EntityKey = `entities.${keyof typeof ru.entities}`;

/** A readable name for an audit action ("response.create" → "Ответ создан"); unknown ones as they are. */
export function useActionLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (action: string) => {
      const key = `actions.${action.replace(/[^a-zA-Z0-9]+/g, '_')}`;
      return i18n.exists(key) ? t(key as ActionKey) : action;
    },
    [t, i18n],
  );
}

/** A readable name for an audited entity ("recommendation" → "Рекомендация"). */
export function useEntityLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (entity: string) => {
      const key = `entities.${entity}`;
      return i18n.exists(key) ? t(key as EntityKey) : entity;
    },
    [t, i18n],
  );
}
