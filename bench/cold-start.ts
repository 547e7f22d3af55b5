import {
  ensureBuild,
  guildeEnvironment,
  median,
  runBench,
  scratchFolder,
  spawnHelloWorld,
  spawnServer,
  startGuilde,
  startOnFreePort,
  stopServer,
  type ServerProcess,
} from "./support";

const runs = 5;
const targetMs = 1500;

runBench(
  `Cold start: wall time from spawn to the first 200 on /healthz, on an existing PGlite data folder (median of ${runs}).`,
  `node scripts/start.mjs (what npm start runs) under ${targetMs} ms.`,
  async () => {
    ensureBuild();
    const dataDir = scratchFolder("cold-start");
    const preparation = await startGuilde({ dataDir });
    await stopServer(preparation.process);
    console.log(`Data folder prepared (first start migrates and seeds the demo): ${preparation.msToHealthy.toFixed(0)} ms\n`);

    const contenders: Record<string, (port: number) => ServerProcess> = {
      "node scripts/start.mjs": (port) => spawnServer(process.execPath, ["scripts/start.mjs"], guildeEnvironment({ port, dataDir })),
      "npm start": (port) => spawnServer("npm", ["start"], guildeEnvironment({ port, dataDir })),
      "hello world": spawnHelloWorld,
    };
    // An untimed run first: start.mjs rebuilds a stale build, and that belongs to no start-up time.
    const warmUp = await startOnFreePort(contenders["node scripts/start.mjs"]);
    await stopServer(warmUp.process);
    if (rebuilt(warmUp.process)) console.log("The build was older than the code: the untimed first run rebuilt it.\n");

    const names = Object.keys(contenders);
    const timings = new Map(names.map((name) => [name, [] as number[]]));
    const row = (label: string, cells: string[]) => console.log(label.padEnd(8) + cells.map((cell) => cell.padStart(24)).join(""));

    row("run", names);
    // Rounds interleave the contenders so that a slow moment of the machine hits them all alike.
    for (let run = 1; run <= runs; run++) {
      for (const name of names) {
        const started = await startOnFreePort(contenders[name]);
        await stopServer(started.process);
        if (rebuilt(started.process)) {
          throw new Error("The code changed during the benchmark and start.mjs rebuilt Guilde: run the benchmark again.");
        }
        timings.get(name)!.push(started.msToHealthy);
      }
      row(String(run), names.map((name) => `${timings.get(name)![run - 1].toFixed(0)} ms`));
    }

    const medians = names.map((name) => median(timings.get(name)!));
    row("median", medians.map((value) => `${value.toFixed(0)} ms`));
    const [startMjs, npmStart, helloWorld] = medians;
    console.log(`\nRatio to hello world: start.mjs ${(startMjs / helloWorld).toFixed(1)}×, npm start ${(npmStart / helloWorld).toFixed(1)}×`);
    console.log(`Target (start.mjs median < ${targetMs} ms): ${startMjs < targetMs ? "met" : "NOT met"}`);
  },
);

function rebuilt(server: ServerProcess): boolean {
  return server.output().includes("Building Guilde");
}
