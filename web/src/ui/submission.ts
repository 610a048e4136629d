import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useRef } from 'react';

function newKey(): string {
  return crypto.randomUUID();
}

// A form's write with an Idempotency-Key per submission: the key is made when
// the person presses the button and kept through the client's own retries, so
// a submission that reaches the server twice records once; a second press
// while one is under way is ignored. The next submission gets a new key.
export function useSubmission<TInput, TResult>(
  write: (input: TInput, idempotencyKey: string) => Promise<TResult>,
  options: Omit<UseMutationOptions<TResult, Error, { input: TInput; key: string }>, 'mutationFn'> = {},
) {
  const mutation = useMutation({ ...options, mutationFn: ({ input, key }: { input: TInput; key: string }) => write(input, key) });
  const busy = useRef(false);
  const submit = (input: TInput) => {
    if (busy.current) return;
    busy.current = true;
    mutation.mutate(
      { input, key: newKey() },
      {
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  };
  return { ...mutation, submit };
}
