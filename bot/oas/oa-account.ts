/**
 * An OA this deployment serves, as the code uses it: secrets opened, commune known. `communeId` is
 * null only for the environment's OA before its commune exists (a fresh database, before the units
 * are imported): it is then served for the deployment's COMMUNE_CODE.
 */
export type OaAccount = {
  oaId: string;
  appId: string;
  communeId: number | null;
  name: string | null;
  appSecret: string;
  oaSecretKey: string;
  sendRatePerSec: number;
  active: boolean;
};
