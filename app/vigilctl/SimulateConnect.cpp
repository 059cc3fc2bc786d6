#include "vigilctl/SimulateConnect.h"

#include "vigilctl/Commands.h"

#include "record/Clock.h"
#include "record/NdjsonCodec.h"
#include "sim/FleetSimulator.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include <QFile>

#include <chrono>
#include <cstdio>
#include <thread>

namespace vigilctl {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

int simulateConnect(const vigil::ScenarioSpec& spec, std::uint64_t seed, const QString& hostPort,
                    const QString& tokenFile, double speed) {
    const auto colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == hostPort.size() - 1)
        return usageError(QStringLiteral("simulate: --connect '%1' must be HOST:PORT").arg(hostPort));
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) host = host.mid(1, host.size() - 2);
    const std::string port = hostPort.mid(colon + 1).toStdString();

    QFile f(tokenFile);
    if (!f.open(QIODevice::ReadOnly)) return usageError(QStringLiteral("simulate: cannot read --token-file '%1'").arg(tokenFile));
    std::string token;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#')) {
            token = t.toStdString();
            break;
        }
    }
    if (token.empty()) return usageError(QStringLiteral("simulate: --token-file '%1' holds no token").arg(tokenFile));

    asio::io_context io;
    tcp::socket socket(io);
    boost::system::error_code ec;
    tcp::resolver resolver(io);
    const auto endpoints = resolver.resolve(host.toStdString(), port, ec);
    if (!ec) asio::connect(socket, endpoints, ec);
    if (ec) {
        std::fprintf(stderr, "vigilctl: simulate: cannot connect to %s: %s\n", qPrintable(hostPort), ec.message().c_str());
        return kFailed;
    }
    asio::write(socket, asio::buffer(token + "\n"), ec);
    std::string answer;
    if (!ec) asio::read_until(socket, asio::dynamic_buffer(answer), '\n', ec);
    if (answer.rfind("OK\n", 0) != 0) {
        std::fprintf(stderr, "vigilctl: simulate: %s refused the token: %s\n", qPrintable(hostPort),
                     answer.empty() ? ec.message().c_str() : answer.substr(0, answer.find('\n')).c_str());
        return kFailed;
    }

    const vigil::TimestampMs start = vigil::SystemClock().now();
    vigil::FleetSimulator sim(spec, seed, start);
    const auto t0 = std::chrono::steady_clock::now();
    std::int64_t records = 0;
    std::vector<vigil::Record> batch;
    std::string text;
    while (sim.now() < sim.end()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const double wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        const auto due = std::min(sim.end(), start + static_cast<vigil::TimestampMs>(wallMs * speed));
        // Slices of at most 10 s of simulated time keep a write small at any speed.
        while (sim.now() < due) {
            batch.clear();
            text.clear();
            sim.advance(std::min(due, sim.now() + 10'000), batch);
            for (const auto& r : batch) vigil::appendNdjson(text, r);
            asio::write(socket, asio::buffer(text), ec);  // blocks while Vigil applies back-pressure
            if (ec) {
                std::fprintf(stderr, "vigilctl: simulate: connection to %s lost after %lld records: %s\n",
                             qPrintable(hostPort), static_cast<long long>(records), ec.message().c_str());
                return kFailed;
            }
            records += static_cast<std::int64_t>(batch.size());
        }
    }
    socket.shutdown(tcp::socket::shutdown_send, ec);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("simulate: %s seed %llu, %lld s: %lld records sent to %s in %.1f s\n", spec.name.c_str(),
                static_cast<unsigned long long>(seed), static_cast<long long>(spec.durationS),
                static_cast<long long>(records), qPrintable(hostPort), wall);
    return kOk;
}

}  // namespace vigilctl
