// What an API key may do. Plain module: forms, the OpenAPI document and the
// key store share it. `read`: GET endpoints; `charge`: charges and holds.
export const API_SCOPES = ["read", "charge"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
