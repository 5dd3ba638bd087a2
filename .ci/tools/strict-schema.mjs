// Strict offline validation of rendered manifests: unknown (misspelt) fields fail. The kubernetes-models validators
// accept unknown fields, so each object is also written as a TypeScript literal typed with the same models' interfaces
// and compiled with tsc --strict, whose excess-property check names every field the type does not have. Objects of
// kinds no model package covers (the Barman Cloud plugin's ObjectStore) are walked against the CRD pinned in crds/.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const TOOLS = new URL(".", import.meta.url).pathname;

/** Model package per API group; the core and built-in groups are in kubernetes-models. */
export const PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "cert-manager.io": "@kubernetes-models/cert-manager",
};

/** CRDs pinned as files, for kinds without a model package. */
const PINNED_CRDS = { "barmancloud.cnpg.io/ObjectStore": "crds/barmancloud.cnpg.io_objectstores.yaml" };

function groupVersion(obj) {
  return obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
}

/** The module that holds an object's model, or undefined when only a pinned CRD describes it. */
export function modelPath(obj) {
  const [group, version] = groupVersion(obj);
  if (PINNED_CRDS[`${group}/${obj.kind}`]) return undefined;
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  return group ? `${pkg}/${group}/${version}/${obj.kind}` : `${pkg}/${version}/${obj.kind}`;
}

/**
 * Problems with unknown fields, keyed by the caller's name for each object: `{ name: ["readinesProbe …", …] }`.
 * One tsc run for all of them (it takes a few seconds to load the models' types).
 */
export function unknownFields(named) {
  const problems = Object.fromEntries(Object.keys(named).map((n) => [n, []]));
  const dir = mkdtempSync(join(TOOLS, ".strict-"));
  try {
    const files = [];
    for (const [name, obj] of Object.entries(named)) {
      const path = modelPath(obj);
      if (!path) {
        problems[name].push(...crdUnknownFields(obj));
        continue;
      }
      const file = `${name.replace(/[^A-Za-z0-9_-]/g, "_")}.ts`;
      files.push([file, name]);
      writeFileSync(join(dir, file),
        `import type { I${obj.kind} } from "${path}";\nexport const object: I${obj.kind} = ${JSON.stringify(obj, null, 1)};\n`);
    }
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] },
      include: ["*.ts"],
    }));
    let out = "";
    try {
      execFileSync(join(TOOLS, "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8", cwd: TOOLS });
    } catch (e) {
      out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    }
    for (const line of out.split("\n").filter((l) => l.includes("error TS"))) {
      const entry = files.find(([file]) => line.includes(file));
      if (!entry) throw new Error(`tsc failed outside the checked objects: ${line}`);
      problems[entry[1]].push(line.slice(line.indexOf("error TS")));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

const crdSchemas = new Map();
function crdSchema(obj) {
  const [group, version] = groupVersion(obj);
  const key = `${group}/${obj.kind}`;
  if (!crdSchemas.has(key)) {
    const crd = parse(readFileSync(join(TOOLS, PINNED_CRDS[key]), "utf8"));
    const served = crd.spec.versions.find((v) => v.name === version);
    if (!served) throw new Error(`${PINNED_CRDS[key]} serves no ${version}`);
    crdSchemas.set(key, served.schema.openAPIV3Schema);
  }
  return crdSchemas.get(key);
}

/** Fields a structural CRD schema does not declare (it prunes them in a cluster: a typo would be lost silently). */
function crdUnknownFields(obj) {
  const problems = [];
  const walk = (value, schema, path) => {
    if (!schema || schema["x-kubernetes-preserve-unknown-fields"] || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, schema.items, `${path}[${i}]`));
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties?.[k]) walk(v, schema.properties[k], `${path}.${k}`);
      else if (schema.additionalProperties) walk(v, schema.additionalProperties, `${path}.${k}`);
      else if (!(path === "" && (k === "apiVersion" || k === "kind"))) problems.push(`unknown field ${path}.${k}`.replace(/^unknown field \./, "unknown field "));
    }
  };
  const { metadata, ...rest } = obj;
  walk(rest, crdSchema(obj), "");
  return problems;
}
