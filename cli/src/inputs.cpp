#include "inputs.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "usage_error.hpp"

namespace yvcli {

namespace {

std::string read_all(std::FILE *f) {
    std::string out;
    char buffer[8192];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    std::memset(buffer, 0, sizeof buffer);  // it may have held a secret
    return out;
}

void drop_one_newline(std::string &s) {
    if (!s.empty() && s.back() == '\n') {
        s.pop_back();
        if (!s.empty() && s.back() == '\r') s.pop_back();
    }
}

}  // namespace

std::string Inputs::read_stdin(const char *what) {
    if (stdin_taken_by_)
        throw UsageError(std::string(what) + " and " + stdin_taken_by_ +
                         " both read standard input (-): give one of them as @FILE");
    stdin_taken_by_ = what;
    std::string out = read_all(stdin);
    if (std::ferror(stdin)) throw UsageError(std::string(what) + ": cannot read standard input");
    return out;
}

std::string Inputs::read_file(const std::string &path, const char *what) {
    if (path.empty()) throw UsageError(std::string(what) + " @FILE: the file name is empty");
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        throw UsageError(std::string(what) + ": cannot open " + path + ": " + std::strerror(errno));
    std::string out = read_all(f);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
        yativo::wipe(out);
        throw UsageError(std::string(what) + ": cannot read " + path);
    }
    return out;
}

yativo::Secret Inputs::secret(const std::string &arg, const char *what) {
    std::string value;
    if (arg == "-")
        value = read_stdin(what);
    else if (!arg.empty() && arg[0] == '@')
        value = read_file(arg.substr(1), what);
    else
        value = arg;
    drop_one_newline(value);
    yativo::Secret out(value);
    yativo::wipe(value);
    if (out.empty()) throw UsageError(std::string(what) + " is empty");
    return out;
}

std::string Inputs::text(const std::string &arg, const char *what) {
    if (arg == "-") return read_stdin(what);
    if (!arg.empty() && arg[0] == '@') return read_file(arg.substr(1), what);
    return arg;
}

std::string Inputs::file_or_stdin(const std::string &arg, const char *what) {
    if (arg == "-") return read_stdin(what);
    if (!arg.empty() && arg[0] == '@') return read_file(arg.substr(1), what);
    throw UsageError(std::string(what) +
                     " takes @FILE or - (stdin): the exact bytes received, not text typed on "
                     "the command line");
}

}  // namespace yvcli
