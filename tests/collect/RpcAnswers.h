// Canned JSON-RPC results for tst_rpcproberound (outside the test .cpp for moc).
#pragma once

namespace rpcanswers {

// eth_feeHistory for 2 blocks at percentiles 10, 50, 90 (wei): base fees of
// 1, 2 and next 3 gwei; newest block's rewards 0.1, 1.5, 2 gwei.
inline constexpr const char* kFeeHistory =
    R"({"oldestBlock":"0x10","baseFeePerGas":["0x3b9aca00","0x77359400","0xb2d05e00"],"gasUsedRatio":[0.5,0.6],"reward":[["0x1","0x2","0x3"],["0x5f5e100","0x59682f00","0x77359400"]]})";

}  // namespace rpcanswers
