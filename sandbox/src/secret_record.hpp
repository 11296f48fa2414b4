// --record-secrets FILE: every secret the sandbox hands out (its seeds, API-key secrets, access
// tokens, webhook secrets) is appended to FILE, one per line, so a test run can search all of its
// output for them (scripts/scan-secrets.sh). Process-wide, like stdout; a no-op until opened.
#pragma once

#include <string>
#include <string_view>

namespace yvsb {

// Opens FILE for appending (created with mode 0600). Throws std::runtime_error when it cannot.
void open_secret_record(const std::string &path);
// Appends one line with a single write(2), so concurrent sandboxes may share one file.
void record_secret(std::string_view secret) noexcept;

}  // namespace yvsb
