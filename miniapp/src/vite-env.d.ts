/// <reference types="vite/client" />

// Only the variables the app reads, so a typo fails the type check instead of reading undefined.
interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
