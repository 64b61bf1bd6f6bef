import { expect } from "chai";
import { build, type Message } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Bundles an entry for the browser and returns what esbuild says and the bundled inputs. */
async function bundleForBrowser(entry: string): Promise<{ errors: Message[]; inputs: string[] }> {
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
    });
    return { errors: result.errors, inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors) throw error;
    return { errors, inputs: [] };
  }
}

describe("browser entry", function () {
  this.timeout(60_000);

  it("bundles for the browser with no Node built-in or Node-only module", async () => {
    const { errors, inputs } = await bundleForBrowser("src/index.ts");
    expect(errors.map((e) => e.text), "esbuild errors").to.deep.equal([]);
    expect(inputs.length).to.be.greaterThan(10);
    const nodeOnly = inputs.filter(
      (input) => input.startsWith("node:") || /\/(fsStore|writeCarFile|node)\.ts$/.test(input) || input.includes("blockstore-fs"),
    );
    expect(nodeOnly, "Node-only modules in the browser bundle").to.deep.equal([]);
  });

  it("refuses the node entry, proving the check can fail", async () => {
    const { errors } = await bundleForBrowser("src/node.ts");
    expect(errors.length).to.be.greaterThan(0);
    expect(errors.map((e) => e.text).join("\n")).to.match(/node:/);
  });
});
