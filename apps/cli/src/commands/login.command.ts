import { ConfigurationError } from '@bwdc/core';

import { messageResponse } from '../output';
import type { CommandContext, RegisterCommand } from './command-context';

/** `login [clientId] [clientSecret]`: arguments, then BW_CLIENTID/BW_CLIENTSECRET, then a prompt. */
export const registerLoginCommand: RegisterCommand = (program, context) => {
  program
    .command('login')
    .description('Log in with the organization API key (client_id and client_secret).')
    .argument('[clientId]', 'the API key client_id: organization.<organization id>')
    .argument('[clientSecret]', 'the API key client_secret (prefer BW_CLIENTSECRET or the prompt)')
    .action((clientId: string | undefined, clientSecret: string | undefined) =>
      context.respond(async () => {
        const apiKey = {
          clientId: await credential(context, clientId, 'BW_CLIENTID', 'client_id', false),
          clientSecret: await credential(
            context,
            clientSecret,
            'BW_CLIENTSECRET',
            'client_secret',
            true,
          ),
        };
        const { organizationId } = await (await context.connector()).login(apiKey);
        return messageResponse('You are logged in!', `Organization ${organizationId}.`);
      }),
    );
};

async function credential(
  context: CommandContext,
  argument: string | undefined,
  variable: string,
  name: string,
  secret: boolean,
): Promise<string> {
  const given = argument?.trim() || context.env[variable]?.trim();
  if (given) {
    return given;
  }
  const label = name === 'client_id' ? 'Client ID' : 'Client Secret';
  if (context.outputOptions().noInteraction) {
    throw new ConfigurationError(
      'API_KEY_MISSING',
      `${label} is required.`,
      `Pass it as an argument or set ${variable}.`,
    );
  }
  const answer = (await context.prompt(`${name}: `, { secret })).trim();
  if (answer === '') {
    throw new ConfigurationError(
      'API_KEY_MISSING',
      `${label} is required.`,
      `Enter it, or set ${variable}.`,
    );
  }
  return answer;
}
