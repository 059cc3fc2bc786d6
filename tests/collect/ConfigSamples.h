// YAML configurations for tst_collectconfig (kept out of the .cpp for moc).
#pragma once

namespace configtest {

// Every section, relative paths against the test's folder.
inline constexpr const char* kFull = R"(ingest:
  http_port: 0
  tcp_port: 7071
  token_files: [tokens.txt]
  limits:
    max_line_bytes: 4096
    idle_timeout: 1500ms
metrics:
  port: 9465
rpc:
  interval: 2s
  deadline: 500ms
  reward_percentiles: [25, 75]
  chains:
    - name: anvil
      chain_id: 31337
      endpoints:
        - {name: a, url: "http://127.0.0.1:8545"}
        - {name: b, url: "http://127.0.0.1:8546"}
scrape:
  interval: 12s
  keep: ["node_cpu_*"]
  targets:
    - {name: node-1, url: "http://127.0.0.1:9100/metrics"}
prometheus_queries:
  - name: prom
    url: http://127.0.0.1:9090
    lookback: 5m
    queries:
      - {query: "up", series: host.up}
logs:
  poll: 100ms
  files:
    - {path: agent.log, source: agent-1}
    - {path: /var/log/x.log, format: regex, pattern: "^(?<level>\\w+) (?<message>.*)$", from_start: true}
)";

// Mistakes on known lines (see the test for each).
inline constexpr const char* kBad = R"(ingest:
  address: 10.0.0.5
  http_port: 99999
  limits:
    idle_timeout: 30
metrics:
  port: 9464
  adress: 127.0.0.1
rpc:
  interval: 5s
  deadline: 10s
  chains:
    - name: a
      endpoints:
        - name: x
          url: https://foo
        - name: x
          url: http://127.0.0.1:8545
scrape:
  targets: nope
)";

inline constexpr const char* kSyntax = "ingest:\n  tcp_port: 1\n  token_files: [a\n";
inline constexpr const char* kNoSources = "metrics:\n  port: 9464\n";
inline constexpr const char* kShortToken = "ingest:\n  tcp_port: 1\n  token_files: [short.txt, missing.txt]\n";

}  // namespace configtest
