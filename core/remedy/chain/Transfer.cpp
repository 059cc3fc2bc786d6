#include "remedy/chain/Transfer.h"

#include <array>
#include <cctype>
#include <utility>

namespace vigil::remedy {

bool TransferRequest::sameAs(const TransferRequest& o) const {
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    return key == o.key && chain == o.chain && lower(from) == lower(o.from) && lower(to) == lower(o.to) &&
           lower(value) == lower(o.value) && gas == o.gas && legacy == o.legacy;
}

namespace {

constexpr std::array<std::pair<TransferState, std::string_view>, 7> kNames{{
    {TransferState::Planned, "planned"},
    {TransferState::Sending, "sending"},
    {TransferState::Pending, "pending"},
    {TransferState::Mined, "mined"},
    {TransferState::Reverted, "reverted"},
    {TransferState::Failed, "failed"},
    {TransferState::Conflict, "conflict"},
}};

}  // namespace

std::string_view transferStateName(TransferState s) {
    for (const auto& [state, name] : kNames)
        if (state == s) return name;
    return "?";
}

std::optional<TransferState> parseTransferState(std::string_view s) {
    for (const auto& [state, name] : kNames)
        if (name == s) return state;
    return std::nullopt;
}

}  // namespace vigil::remedy
