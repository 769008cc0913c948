// Warnings shown to the user in `pulumi preview` and `pulumi up`. Pulumi
// starts the dynamic-provider plugin as `node <dynamic-provider> <engine
// address>`; that address is how any provider writes diagnostics. We use
// @pulumi/pulumi's own generated gRPC client for the engine's Log call,
// resolved lazily inside the plugin process, and fall back to stderr (which
// Pulumi also shows) when there is no engine (tests calling the provider
// directly) or the call fails.

type EngineClient = {
  log(request: unknown, callback: (error: Error | null) => void): void;
};

let client: EngineClient | null | undefined;

function engineClient(): EngineClient | null {
  if (client !== undefined) return client;
  client = null;
  const address = process.argv[2];
  if (address === undefined || !/^[\w.-]+:\d+$/.test(address) || !process.argv[1]?.includes("dynamic-provider")) return client;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    // Resolved next to @pulumi/pulumi, whose dependency it is (strict installs do not hoist it).
    const pulumiDir = require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as typeof import("@grpc/grpc-js");
    const services = require("@pulumi/pulumi/proto/engine_grpc_pb");
    client = new services.EngineClient(address, grpc.credentials.createInsecure()) as EngineClient;
  } catch {
    client = null;
  }
  return client;
}

/** Shows `message` as a warning in the engine's output; never throws. */
export async function warn(message: string): Promise<void> {
  const engine = engineClient();
  if (engine !== null) {
    try {
      const messages = require("@pulumi/pulumi/proto/engine_pb");
      const request = new messages.LogRequest();
      request.setSeverity(messages.LogSeverity.WARNING);
      request.setMessage(message);
      await new Promise<void>((resolve, reject) => engine.log(request, (error) => (error ? reject(error) : resolve())));
      return;
    } catch {
      // fall through to stderr
    }
  }
  process.stderr.write(`warning: ${message}\n`);
}
