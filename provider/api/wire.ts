// The Metronome API's JSON shapes, exactly as they travel on the wire
// (snake_case). Types only: the pure core maps canonical inputs to these
// payloads and read-back records to outputs; the client sends and receives
// them. One file per group under wire/; this file gathers them so that every
// import of "api/wire" keeps working. Facts from docs/metronome-api.md and
// the Metronome SDK's request and response types.

export * from "./wire/shared";
export * from "./wire/commit";
export * from "./wire/credit";
export * from "./wire/custom-fields";
export * from "./wire/setup";
