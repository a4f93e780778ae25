import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type ru from '../../i18n/ru.json';

type TopicKey = `topics.${keyof typeof ru.topics}`;

/** Topics arrive as codes ("patrol"); show them in the reader's language, unknown ones as they are. */
export function useTopicLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (topic: string) => {
      const key = `topics.${topic}`;
      return i18n.exists(key) ? t(key as TopicKey) : topic;
    },
    [t, i18n],
  );
}
