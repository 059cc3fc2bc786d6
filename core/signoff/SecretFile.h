// Reading a file that holds secrets (bearer tokens) the way the audit key is
// read: a regular file of the current user that group and others cannot
// access at all (mode 0600 or stricter), else refused with the chmod to run.
#pragma once

#include <string>

namespace vigil::signoff {

// False with "PATH: reason" in error. `what` names the file in messages
// ("tokens file", "token file").
bool readSecretFile(const std::string& path, const char* what, std::string& out, std::string& error);

}  // namespace vigil::signoff
