/** A resource's outputs as the engine holds them (runtime/state.ts says what they contain). */
export type Outputs = Record<string, unknown>;
