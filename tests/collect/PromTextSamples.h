// Exposition-format texts for tst_promtextparser (kept out of the test .cpp: moc
// chokes on some raw-string contents).
#pragma once

namespace promtext {

// Every metric type, escapes, timestamps, comments, CRLF and blank lines.
inline constexpr const char* kGood = R"(# HELP http_requests_total The total number of HTTP requests.
# TYPE http_requests_total counter
http_requests_total{method="post",code="200"} 1027 1395066363000
http_requests_total{method="post",code="400"}    3 1395066363000

# Escaping in label values:
msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9

# Minimalistic line:
metric_without_timestamp_and_labels 12.47

# A weird metric from before the epoch:
something_weird{problem="division by zero"} +Inf -3982045

# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320

# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.5"} 4773
rpc_duration_seconds{quantile="0.99"} 76656
rpc_duration_seconds_sum 1.7560473e+07
rpc_duration_seconds_count 2693
# TYPE temperature gauge
temperature{room="a",} -1.5e-3
temperature{room="b"} NaN
)";

// Five bad lines among good ones; each bad line's number and reason is asserted.
inline constexpr const char* kBad = "good_one 1\n"
                                    "bad{label=\"unterminated} 2\n"
                                    "good_two{a=\"x\"} 2\n"
                                    "bad_value 12abc\n"
                                    "# TYPE h histogram\n"
                                    "h_bucket{x=\"1\"} 3\n"
                                    "bad_escape{a=\"\\q\"} 1\n"
                                    "# TYPE good_one gauge\n"
                                    "good_three 3 17 extra\n"
                                    "good_four 4\n";

}  // namespace promtext
