import type { Config } from "../config";
import { localDiskStorage } from "./local-disk";
import { s3Storage } from "./s3";
import type { FileStorage } from "./storage";

export type { ByteRange, FileStorage } from "./storage";

/** The storage the configuration chose: S3 when its settings are given, the data folder otherwise. */
export function createStorage(settings: Config["storage"]): FileStorage {
  return settings.kind === "s3" ? s3Storage(settings) : localDiskStorage(settings.directory);
}
