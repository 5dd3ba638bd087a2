#!/usr/bin/env python3
"""Turns the RESULT lines of bench/run.sh into RESULTS.md: medians with min and max, targets met or missed."""
import os, platform, re, statistics, subprocess, sys


def rows(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("RESULT "):
            out.append(dict(kv.split("=", 1) for kv in line.split()[1:]))
    return out


def fig(values, digits=1):
    values = [float(v) for v in values]
    if not values:
        return "–"
    fmt = f"{{:.{digits}f}}"
    med = fmt.format(statistics.median(values))
    return med if len(values) == 1 else f"{med} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def med(values):
    values = [float(v) for v in values]
    return statistics.median(values) if values else float("nan")


def cpu(results):
    """The service's CPU per request (user + system); absent from runs before 12-02."""
    values = [x["cpu_ms_per_req"] for x in results if "cpu_ms_per_req" in x]
    return fig(values, 2) if values else "—"


def verdict(ok):
    return "met" if ok else "**missed**"


def header(extra):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    java = subprocess.run([os.environ.get("RUNTIME_JAVA", "java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    # Java 25 and later start from the AOT cache ServiceProcess makes; earlier JDKs from the AppCDS archive.
    major = re.search(r'version "(\d+)', java)
    class_data = "AOT cache" if major and int(major.group(1)) >= 25 else "AppCDS"
    tools = []
    for cmd in (["wrk", "--version"], ["pgbench", "--version"]):
        try:
            tools.append(subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip() or
                         subprocess.run(cmd, capture_output=True, text=True).stderr.splitlines()[0].strip())
        except (OSError, IndexError):
            pass
    print("# Benchmark results\n")
    print("Produced by `bench/run.sh`; re-run it to refresh this file. Figures are the median of the runs, with min–max.\n")
    print(f"- Machine: {os.cpu_count()} cores, {cpu}, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB; "
          "load tools, services, PostgreSQL and Kafka all share it")
    print(f"- Software: {java}; Quarkus 3.33.2 (JVM mode, -Xms64m -Xmx176m, SerialGC, 64 MB code cache unloaded at 50 % new code, {class_data} mapped unrelocated, MALLOC_ARENA_MAX=2); PostgreSQL 17.11 (embedded, shared_buffers 2 GB); "
          f"Kafka 4.1.2 (single KRaft node); {'; '.join(tools)}")
    for line in extra:
        print(f"- {line}")
    print()


def event_latency(path, rate, seconds):
    rs = rows(path)
    header([f"Runs: {len(rs)} of {seconds} s at {rate} writes/s, after a 10 s warm-up at 100 writes/s"])
    print("## Event latency: commit in agreements-service → record consumed by another process\n")
    print("Target: p50 ≤ 20 ms, p99 ≤ 100 ms at 200 writes/s.\n")
    print("| figure | value |\n|---|---|")
    for key, label in [("writes", "writes acknowledged per run"), ("failed", "failed writes per run"),
                       ("events", "events consumed per run"), ("achieved_rate", "achieved write rate (/s)"),
                       ("p50_ms", "latency p50 (ms)"), ("p99_ms", "latency p99 (ms)"), ("max_ms", "latency max (ms)")]:
        print(f"| {label} | {fig([r[key] for r in rs])} |")


def webhook_latency(path, rate, seconds):
    rs = rows(path)
    header([f"Runs: {len(rs)} of {seconds} s at {rate} writes/s, after a 10 s warm-up at half the rate"])
    print("## Webhook latency: commit in agreements-service → a partner's receiver has the delivery\n")
    print("Target: p99 ≤ 250 ms at 100 writes/s; every write delivered exactly once, signature verified.\n")
    webhook_table(rs)
    print("| figure | value |\n|---|---|")
    for key, label in [("writes", "writes acknowledged per run"), ("failed", "failed writes per run"),
                       ("achieved_rate", "achieved write rate (/s)"), ("max_ms", "latency max (ms)")]:
        print(f"| {label} | {fig([r[key] for r in rs])} |")


def webhook_table(r):
    """The webhook figures: latency against the target, and whether every write came exactly once."""
    print("| writes per run | delivered | missing | duplicates | bad signatures | p50 (ms) | p99 (ms) | target |")
    print("|---|---|---|---|---|---|---|---|")
    if r:
        print(f"| {fig([x['writes'] for x in r], 0)} | {fig([x['delivered'] for x in r], 0)} | {fig([x['missing'] for x in r], 0)} | "
              f"{fig([x['duplicates'] for x in r], 0)} | {fig([x['bad_signatures'] for x in r], 0)} | {fig([x['p50_ms'] for x in r], 2)} | "
              f"{fig([x['p99_ms'] for x in r], 2)} | {verdict(med([x['p99_ms'] for x in r]) <= 250)} |")
    print()


def suite(path, scale, small, seconds, runs, target_dir):
    rs = rows(path)
    def pick(sc, scenario, **kw):
        return [r for r in rs if r["scale"] == sc and r["scenario"] == scenario and all(r.get(k) == v for k, v in kw.items())]
    header([f"Scales: {scale} and {small} (1 = 1,000,000 agreements, 5,000,000 mobilities, 200,000 events with "
            f"1,000,000 registrations); {runs} runs of {seconds} s per figure; 8 connections for throughput"])

    print("## Data set\n")
    print("| scale | service | table | rows | table + indexes (MB) | generated in (s) |\n|---|---|---|---|---|---|")
    for sc in (scale, small):
        for r in pick(sc, scenario="data"):
            gen = r["generated_s"] if r["generated_s"] != "-1" else "kept from an earlier run"
            print(f"| {sc} | {r['service']} | {r['table']} | {int(r['rows']):,} | {r['mb']} | {gen} |")
    print()

    print("## Read by id (8 connections) against pgbench's primary-key select of the same rows\n")
    print("Targets: service ≥ 0.5 × pgbench; p99 ≤ 10 ms at half the service's maximum rate.\n")
    print("| service | requests/s | pgbench selects/s | ratio | ratio target | service CPU per request (ms) | at half load: requests/s | p50 (ms) | p99 (ms) | p99 target |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for svc in ("agreements-service", "exchange-service", "events-service", "bench-peer"):
        r = pick(scale, scenario="read", service=svc)
        h = pick(scale, scenario="read-half-load", service=svc)
        if not r:
            continue
        yardstick = svc == "bench-peer"
        print(f"| {svc} | {fig([x['rps'] for x in r], 0)} | {fig([x['pgbench_tps'] for x in r], 0)} | {fig([x['ratio'] for x in r], 2)} | "
              f"{'—' if yardstick else verdict(med([x['ratio'] for x in r]) >= 0.5)} | {cpu(r)} | {fig([x['rps'] for x in h], 0)} | {fig([x['p50_ms'] for x in h], 2)} | "
              f"{fig([x['p99_ms'] for x in h], 2)} | {'—' if yardstick else verdict(med([x['p99_ms'] for x in h]) <= 10)} |")
    print("\n`bench-peer` is the yardstick (bench/peer: the services' extensions, one entity, a read by id through "
          "Panache): how near the framework alone comes to pgbench on this machine in the same hour.\n")

    print("## Create with outbox (8 connections) against pgbench running the same statements in one transaction\n")
    print("agreements-service registering organizations: uniqueness check, INSERT organization, INSERT outbox row, INSERT "
          "change-log entry, webhook fan-out (INSERT … SELECT over the subscriptions), commit (the relay publishes meanwhile). "
          "pgbench runs the same SELECT and INSERTs into twin outbox, change-log and webhook-delivery tables. Target: ≥ 0.5 × pgbench.\n")
    print("| service | requests/s | pgbench transactions/s | ratio | target | service CPU per request (ms) | p99 (ms) | failed |\n|---|---|---|---|---|---|---|---|")
    for svc in ("agreements-service", "bench-peer"):
        # Lines without a service name are from before the peer took creates too.
        r = [x for x in pick(scale, scenario="create") if x.get("service", "agreements-service") == svc]
        if not r:
            continue
        print(f"| {svc} | {fig([x['rps'] for x in r], 0)} | {fig([x['pgbench_tps'] for x in r], 0)} | {fig([x['ratio'] for x in r], 2)} | "
              f"{'—' if svc == 'bench-peer' else verdict(med([x['ratio'] for x in r]) >= 0.5)} | {cpu(r)} | {fig([x['p99_ms'] for x in r], 2)} | {fig([x['non2xx'] for x in r], 0)} |")
    print("\n`bench-peer` creates one row through Panache in a transaction (validation, one INSERT, commit), against "
          "pgbench's same INSERT in a transaction.\n")

    print("## Search: one page of 20 at a time\n")
    print(f"Targets: p95 ≤ 50 ms at scale {scale}; at {small} (10× fewer rows) within 2× of it — cost follows the page, not the table.\n")
    print(f"| query group | p95 at {scale} (ms) | target | p95 at {small} (ms) | ratio | target | p50 at {scale} (ms) |")
    print("|---|---|---|---|---|---|---|")
    groups = []
    for r in rs:
        if r["scenario"] == "search" and r["group"] not in groups:
            groups.append(r["group"])
    for g in groups:
        big = pick(scale, scenario="search", group=g)
        little = pick(small, scenario="search", group=g)
        ratio = med([x["p95_ms"] for x in big]) / med([x["p95_ms"] for x in little]) if little else float("nan")
        print(f"| {g.replace('/', ' ')} | {fig([x['p95_ms'] for x in big], 2)} | {verdict(med([x['p95_ms'] for x in big]) <= 50)} | "
              f"{fig([x['p95_ms'] for x in little], 2)} | {ratio:.2f} | {verdict(ratio <= 2)} | {fig([x['p50_ms'] for x in big], 2)} |")
    print()

    print("## Change feed: pages of 100 after cursors spread over the whole change log\n")
    print("`GET /api/v1/changes?after=…&limit=100` on agreements-service as a partner (org15.edu.by: public entries and its "
          "own confidential ones), 2,000 cursors over the log, with and without `types=registry.agreement.*`. "
          "Target: p95 ≤ 20 ms with 10,000,000 entries (scale 1).\n")
    print(f"| types | connections | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | target | p95 at {small} (ms) | failed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for group in ("all-types", "agreement-types"):
        for conns in ("1", "8"):
            r = pick(scale, scenario="feed", group=group, connections=conns)
            if not r:
                continue
            little = pick(small, scenario="feed", group=group, connections=conns)
            print(f"| {'all' if group == 'all-types' else 'registry.agreement.*'} | {conns} | {fig([x['rps'] for x in r], 0)} | "
                  f"{fig([x['p50_ms'] for x in r], 2)} | {fig([x['p95_ms'] for x in r], 2)} | {fig([x['p99_ms'] for x in r], 2)} | "
                  f"{verdict(med([x['p95_ms'] for x in r]) <= 20)} | {fig([x['p95_ms'] for x in little], 2)} | "
                  f"{fig([x['non2xx'] for x in r], 0)} |")
    print()

    print("## Relay throughput against Kafka's producer on the same broker\n")
    print("Outbox rows of 512-byte payloads committed in one transaction and drained by agreements-service's relay "
          "(publish with acks=all, idempotent, then delete), against `kafka-producer-perf-test` (ProducerPerformance) "
          "sending the same number of 512-byte records with acks=all. Target: ≥ 0.5 × the producer.\n")
    print("| records per run | relay records/s | producer records/s | ratio | target |\n|---|---|---|---|---|")
    r = pick(scale, scenario="relay")
    if r:
        print(f"| {r[0]['records']} | {fig([x['relay_per_s'] for x in r], 0)} | {fig([x['producer_per_s'] for x in r], 0)} | "
              f"{fig([x['ratio'] for x in r], 2)} | {verdict(med([x['ratio'] for x in r]) >= 0.5)} |")
    print()

    print("## Event latency at 200 writes/s, with the full data set loaded\n")
    print("Commit in agreements-service → consumed by another process. Targets: p50 ≤ 20 ms, p99 ≤ 100 ms.\n")
    print("| writes per run | failed | p50 (ms) | target | p99 (ms) | target |\n|---|---|---|---|---|---|")
    r = pick(scale, scenario="event-latency")
    if r:
        print(f"| {fig([x['writes'] for x in r], 0)} | {fig([x['failed'] for x in r], 0)} | {fig([x['p50_ms'] for x in r], 2)} | "
              f"{verdict(med([x['p50_ms'] for x in r]) <= 20)} | {fig([x['p99_ms'] for x in r], 2)} | {verdict(med([x['p99_ms'] for x in r]) <= 100)} |")
    print()

    print("## Webhook latency at 100 writes/s, with the full data set loaded\n")
    print("Commit in agreements-service → a receiver in the bench process (subscribed to `registry.organization.*` through "
          "`POST /api/v1/webhooks`) has the signed delivery. Target: p99 ≤ 250 ms; every write exactly once.\n")
    webhook_table(pick(scale, scenario="webhook-latency"))

    print("## Start-up and memory\n")
    print("Start-up: process start → first successful API read (not only the health check), on the loaded database, "
          "on the JDK named above (Java 25: from the AOT cache of a training run; Java 17: AppCDS). Targets: ≤ 1.1 × "
          "the bare peer's median in the same run (issue 23; ≤ 1.5 s without a peer); RSS after warm-up (after all "
          "scenarios above) ≤ 250 MB. Shutdown: SIGTERM → process exited, with nothing in flight and no shutdown "
          "delay configured; target ≤ 1 s.\n")
    peer_start = med([x['first_response_ms'] for x in pick(scale, scenario="startup", service="bench-peer")])
    start_target = 1.1 * peer_start if peer_start == peer_start else 1500
    print("| service | first response (ms) | target | of which the first read itself (ms) | RSS right after start (MB) "
          "| RSS after warm-up (MB) | target | SIGTERM → exited (ms) | target |")
    print("|---|---|---|---|---|---|---|---|---|")
    for svc in ("agreements-service", "exchange-service", "events-service", "bench-peer"):
        st = pick(scale, scenario="startup", service=svc)
        mem = [x['rss_mb'] for x in pick(scale, scenario="memory", service=svc)]
        down = [x['sigterm_to_exit_ms'] for x in pick(scale, scenario="shutdown", service=svc)]
        print(f"| {svc} | {fig([x['first_response_ms'] for x in st], 0)} | {verdict(med([x['first_response_ms'] for x in st]) <= start_target) if svc != 'bench-peer' else '—'} | "
              f"{fig([x['first_read_ms'] for x in st if 'first_read_ms' in x], 0)} | "
              f"{fig([x['rss_after_start_mb'] for x in st], 0)} | {fig(mem, 0)} | "
              f"{verdict(med(mem) <= 250) if mem and svc != 'bench-peer' else '—'} | {fig(down, 0)} | {verdict(med(down) <= 1000) if down else '—'} |")
    print("\n`bench-peer` is the yardstick, not a service: a bare Quarkus application with the services' extensions, "
          "configured as the platform configures them, one entity (bench/peer); its RSS after warm-up is after its own "
          "reads and creates above.")
    print()

    plans = os.path.join(target_dir, f"suite-{scale}", "plans.log")
    if os.path.exists(plans):
        print(f"## Query plans of the search requests at scale {scale}\n")
        print("Logged by `auto_explain` for exactly the requests measured above (each sent once), page queries only.\n")
        text = open(plans, encoding="utf-8", errors="replace").read()
        seen = set()
        for block in re.split(r"\n(?=\d{4}-\d\d-\d\d )", text):
            if "plan:" not in block or "Query Text:" not in block:
                continue
            body = block.split("plan:", 1)[1]
            query = body.split("Query Text:", 1)[1].strip().splitlines()[0]
            if not re.search(r"(?i)\blimit\b", body) or query in seen:
                continue
            seen.add(query)
            print("```")
            print("\n".join(l.replace("\t", "  ", 1) for l in body.strip("\n").splitlines()))
            print("```\n")


def merge(raw, new, only):
    """Replaces in the raw log the lines of the scenarios just measured (all of them when `only` is empty)."""
    families = {"read": {"read", "read-half-load"}, "startup": {"startup", "memory", "shutdown"}}
    chosen = set()
    for name in filter(None, only.split(",")):
        chosen |= families.get(name, {name})
    fresh = [l for l in open(new, encoding="utf-8") if l.startswith("RESULT ")]
    kept = []
    if chosen and os.path.exists(raw):
        for line in open(raw, encoding="utf-8"):
            scenario = dict(kv.split("=", 1) for kv in line.split()[1:]).get("scenario")
            if scenario not in chosen and scenario != "data":
                kept.append(line)
    with open(raw, "w", encoding="utf-8") as f:
        f.writelines(kept + fresh)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "merge":
        merge(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")
    elif kind == "event-latency":
        event_latency(*sys.argv[2:5])
    elif kind == "webhook-latency":
        webhook_latency(*sys.argv[2:5])
    else:
        suite(*sys.argv[2:8])
