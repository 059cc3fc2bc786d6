// A slowly learning baseline of a positive quantity (delays, prices) in log
// space: exponentially weighted mean and variance, O(1) memory. Log space
// because such quantities are multiplicative and skewed.
#pragma once

#include <algorithm>
#include <cmath>

namespace vigil::events {

class LogNormalBaseline {
public:
    LogNormalBaseline(double priorMedian, double priorSigma, double halfLife, double minSigma)
        : mu_(std::log(priorMedian)), var_(priorSigma * priorSigma),
          alpha_(1.0 - std::exp(std::log(0.5) / std::max(1.0, halfLife))), minSigma_(minSigma) {}

    void add(double v) {
        const double x = std::log(std::max(v, 1e-9));
        // Faster learning for the first points so the prior fades quickly.
        const double a = std::max(alpha_, 1.0 / (static_cast<double>(n_) + 2.0));
        const double d = x - mu_;
        mu_ += a * d;
        var_ = (1 - a) * (var_ + a * d * d);
        ++n_;
    }
    // Standardised distance of v from the baseline, in sigmas of log(v).
    double z(double v) const { return (std::log(std::max(v, 1e-9)) - mu_) / sigma(); }
    double median() const { return std::exp(mu_); }
    double sigma() const { return std::max(std::sqrt(var_), minSigma_); }
    double quantile(double zq) const { return std::exp(mu_ + zq * sigma()); }
    long long count() const { return n_; }

private:
    double mu_, var_, alpha_, minSigma_;
    long long n_ = 0;
};

}  // namespace vigil::events
