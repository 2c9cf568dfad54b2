export declare function chromiumPath(): string;
export declare function chromiumArgs(extra?: readonly string[]): string[];
