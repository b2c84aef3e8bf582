import { InputSchemas, type Input, type InputType } from '../contracts/schemas';
import { onMessage, type Reply, type Sender } from '../contracts/protocol';

// The background's one door. The messenger has already refused senders that SENDER_POLICY does not
// allow; here every message's data is parsed against its schema before its handler runs, so a
// handler only ever sees well-formed input. Malformed input gets an error reply (the sender's
// promise rejects) and a console warning, never a guess.

export type Handlers = { [K in InputType]: (data: Input<K>, sender: Sender) => Reply<K> | Promise<Reply<K>> };

/** The reply's error for data that does not match its schema. */
export const INVALID = 'invalid: the message does not match its schema';

/** One handler per background message; `listen` is the messenger (replaced in unit tests). */
export function registerRouter(handlers: Handlers, listen: typeof onMessage = onMessage): () => void {
  const removers = (Object.keys(InputSchemas) as InputType[]).map((type) => route(type, handlers[type], listen));
  return () => {
    for (const remove of removers) remove();
  };
}

function route<K extends InputType>(type: K, handler: Handlers[K], listen: typeof onMessage): () => void {
  return listen(type, ({ data, sender }) => {
    const parsed = InputSchemas[type].safeParse(data);
    if (!parsed.success) {
      console.warn(`[dm-doctor] rejected ${type}:`, parsed.error.issues[0]?.message);
      throw new Error(INVALID);
    }
    return handler(parsed.data as Input<K>, sender);
  });
}
