export declare const CLI_SOURCES: string[];
export declare const CLI_BUNDLE: string;
export declare function freshCliBundle(
  root: string,
  env?: Record<string, string | undefined>,
): string | undefined;
