// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's error code, or NETWORK when the server could not be reached. */
      code?: string;
    }
  }
}

export {};
