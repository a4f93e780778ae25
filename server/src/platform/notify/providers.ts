// The providers the configuration names: SMS through the development log (the default), an SMS centre
// over SMPP, or an HTTP gateway; e-mail to the development log. Credentials come only from the environment.
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import { HttpGatewayProvider } from './http-gateway-provider.js';
import { LogFileProvider } from './log-provider.js';
import type { MessageProvider } from './provider.js';
import { SmppProvider } from './smpp-provider.js';

export interface Providers {
  sms: MessageProvider;
  email: MessageProvider;
}

export function createProviders(config: AppConfig, logger?: Logger): Providers {
  const email = new LogFileProvider(config.dataDir, 'email');
  switch (config.SMS_PROVIDER) {
    case 'smpp':
      return {
        sms: new SmppProvider({
          url: config.SMPP_URL!,
          systemId: config.SMPP_SYSTEM_ID!,
          password: config.SMPP_PASSWORD!,
          ...(config.SMPP_SYSTEM_TYPE ? { systemType: config.SMPP_SYSTEM_TYPE } : {}),
          sourceAddr: config.SMS_SENDER,
          window: config.SMPP_WINDOW,
          ...(logger ? { logger } : {}),
        }),
        email,
      };
    case 'http':
      return { sms: new HttpGatewayProvider({ baseUrl: config.SMS_HTTP_URL!, token: config.SMS_HTTP_TOKEN!, sender: config.SMS_SENDER, ...(logger ? { logger } : {}) }), email };
    default:
      return { sms: new LogFileProvider(config.dataDir, 'sms'), email };
  }
}

export async function closeProviders(providers: Providers): Promise<void> {
  await Promise.all([providers.sms.close(), providers.email.close()]);
}
