// completion, manpage: the shell completions and the manual page, rendered from the same command
// and option tables as the help (so a new endpoint's command is completed and documented with no
// edit here).
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "usage_error.hpp"
#include "yativo/status.hpp"
#include "yativo/version.hpp"

namespace yvcli {

namespace {

std::vector<std::string> words_of(const std::string &path) {
    std::vector<std::string> out;
    std::istringstream in(path);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::vector<const OptionSpec *> global_option_specs() {
    std::vector<const OptionSpec *> out;
    for (const auto &o : option_table())
        if (o.global) out.push_back(&o);
    return out;
}

// The command tree: for each path prefix ("" at the top), the words that may follow it, and for
// each command its own options.
struct Tree {
    std::map<std::string, std::vector<std::string>> next;
    std::map<std::string, std::vector<std::string>> options;
    std::map<std::string, std::string> summary;  // of a command, or of a group
};

Tree command_tree() {
    Tree t;
    for (const auto &c : command_table()) {
        std::string prefix;
        for (const auto &w : words_of(c.path)) {
            auto &next = t.next[prefix];
            if (std::find(next.begin(), next.end(), w) == next.end()) next.push_back(w);
            prefix += (prefix.empty() ? "" : " ") + w;
        }
        for (Opt o : c.options) t.options[c.path].push_back(option_spec(o).name);
        t.summary[c.path] = c.summary;
    }
    for (const auto &g : command_groups())
        if (!t.summary.count(g)) t.summary[g] = "API calls of the group " + g;
    return t;
}

std::string joined(const std::vector<std::string> &items) {
    std::string out;
    for (const auto &i : items) out += (out.empty() ? "" : " ") + i;
    return out;
}

std::string bash_script() {
    Tree t = command_tree();
    std::vector<std::string> valued, globals;
    for (const auto &o : option_table())
        if (o.metavar) valued.push_back(o.name);
    for (const auto *o : global_option_specs()) globals.push_back(o->name);
    std::ostringstream s;
    s << "# bash completion for yativo " << yativo::version()
      << ", written by `yativo completion bash` from its command tables.\n"
      << "# Load it: source <(yativo completion bash)\n"
      << "_yativo() {\n"
      << "    local cur=${COMP_WORDS[COMP_CWORD]} path=\"\" i w skip=0 next=\"\" own=\"\"\n"
      << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "        w=${COMP_WORDS[i]}\n"
      << "        if ((skip)); then skip=0; continue; fi\n"
      << "        case \"$w\" in\n"
      << "            " <<
        [&] {
            std::string alts;
            for (const auto &v : valued) alts += (alts.empty() ? "" : "|") + v;
            return alts;
        }()
      << ") skip=1; continue ;;\n"
      << "            -*) continue ;;\n"
      << "        esac\n"
      << "        path+=\"${path:+ }$w\"\n"
      << "    done\n"
      << "    case \"$path\" in\n";
    // Longest paths first: a command's arm also takes its operands ("keys get ID").
    std::vector<std::string> paths;
    for (const auto &n : t.next) paths.push_back(n.first);
    for (const auto &o : t.options)
        if (!t.next.count(o.first)) paths.push_back(o.first);
    std::sort(paths.begin(), paths.end(), [](const std::string &a, const std::string &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    for (const auto &p : paths) {
        const bool command = t.options.count(p) != 0;
        s << "        \"" << p << "\"" << (command ? "|\"" + p + " \"*" : std::string()) << ") ";
        if (t.next.count(p)) s << "next=\"" << joined(t.next.at(p)) << "\" ";
        if (command) s << "own=\"" << joined(t.options.at(p)) << "\" ";
        s << ";;\n";
    }
    s << "    esac\n"
      << "    if [[ $cur == -* ]]; then\n"
      << "        COMPREPLY=($(compgen -W \"$own " << joined(globals) << "\" -- \"$cur\"))\n"
      << "    else\n"
      << "        COMPREPLY=($(compgen -W \"$next\" -- \"$cur\"))\n"
      << "    fi\n"
      << "}\n"
      << "complete -F _yativo yativo\n";
    return s.str();
}

std::string fish_quote(const std::string &text) {
    std::string out = "'";
    for (char ch : text) {
        if (ch == '\'' || ch == '\\') out += '\\';
        out += ch == '\n' ? ' ' : ch;
    }
    return out + "'";
}

std::string fish_script() {
    Tree t = command_tree();
    std::ostringstream s;
    s << "# fish completion for yativo " << yativo::version()
      << ", written by `yativo completion fish` from its command tables.\n"
      << "# Install it: yativo completion fish > ~/.config/fish/completions/yativo.fish\n"
      << "complete -c yativo -f\n";
    for (const auto *o : global_option_specs())
        s << "complete -c yativo -l " << std::string(o->name).substr(2) << (o->metavar ? " -r" : "")
          << " -d " << fish_quote(o->help) << "\n";
    for (const auto &w : t.next[""])
        s << "complete -c yativo -n __fish_use_subcommand -a " << w << " -d "
          << fish_quote(t.summary.count(w) ? t.summary.at(w) : w) << "\n";
    for (const auto &n : t.next) {
        if (n.first.empty()) continue;
        std::vector<std::string> path = words_of(n.first);
        std::string seen;
        for (const auto &w : path) seen += "__fish_seen_subcommand_from " + w + "; and ";
        for (const auto &w : n.second)
            s << "complete -c yativo -n "
              << fish_quote(seen + "not __fish_seen_subcommand_from " + joined(n.second)) << " -a "
              << w << " -d " << fish_quote(t.summary[n.first + " " + w]) << "\n";
    }
    for (const auto &c : command_table()) {
        std::string seen;
        for (const auto &w : words_of(c.path))
            seen +=
                (seen.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + w;
        for (Opt id : c.options) {
            const OptionSpec &o = option_spec(id);
            s << "complete -c yativo -n " << fish_quote(seen) << " -l "
              << std::string(o.name).substr(2) << (o.metavar ? " -r" : "") << " -d "
              << fish_quote(o.help) << "\n";
        }
    }
    return s.str();
}

// Roff text: a backslash doubled, a leading dot or quote escaped, hyphens of options literal.
std::string roff(const std::string &text) {
    std::string out;
    bool line_start = true;
    for (char ch : text) {
        if (line_start && (ch == '.' || ch == '\'')) out += "\\&";
        if (ch == '\\')
            out += "\\e";
        else if (ch == '-')
            out += "\\-";
        else
            out += ch;
        line_start = ch == '\n';
    }
    return out;
}

void man_option(std::ostream &os, const OptionSpec &o) {
    os << ".TP\n\\fB" << roff(o.name) << "\\fR";
    if (o.metavar) os << " \\fI" << roff(o.metavar) << "\\fR";
    os << "\n" << roff(o.help) << "\n";
}

std::string man_page() {
    std::ostringstream os;
    os << ".TH YATIVO 1 \"\" \"yativo " << yativo::version() << "\" \"User Commands\"\n"
       << ".\\\" Written by `yativo manpage` from the command tables; do not edit.\n"
       << ".SH NAME\nyativo \\- keys, tokens, 2FA codes and every call of the Yativo Crypto "
          "API from a terminal\n"
       << ".SH SYNOPSIS\n.B yativo\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPERANDS\\fR] "
          "[\\fIOPTIONS\\fR]\n"
       << ".SH DESCRIPTION\nThe command line of libyativo. Secrets (API secrets, tokens, TOTP "
          "secrets, 2FA codes) are read from options, @FILE or \\- (standard input), never "
          "printed except where a command's purpose is to show one once. \\fB\\-\\-json\\fR "
          "prints one JSON value on standard output.\n"
       << ".SH GLOBAL OPTIONS\n";
    for (const auto *o : global_option_specs()) man_option(os, *o);
    os << ".SH COMMANDS\n";
    for (const auto &c : command_table()) {
        os << ".SS \"" << roff(c.path) << (*c.operands ? " " : "") << roff(c.operands) << "\"\n"
           << roff(c.description) << "\n";
        for (Opt id : c.options) man_option(os, option_spec(id));
        if (*c.examples) os << ".PP\nExamples:\n.nf\n.RS\n" << roff(c.examples) << "\n.RE\n.fi\n";
    }
    os << ".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n2\nusage error\n";
    for (const auto &row : exit_code_table())
        os << ".TP\n" << row.code << "\n" << roff(yativo::status_name(row.status)) << "\n";
    os << ".SH ENVIRONMENT\nYATIVO_API_KEY, YATIVO_API_SECRET, YATIVO_ACCESS_TOKEN, "
          "YATIVO_BASE_URL, YATIVO_TOTP_SECRET: credentials and the endpoint, when the options "
          "do not give them. YATIVO_LOG: the library's log level on standard error.\n"
       << ".SH SEE ALSO\nThe libyativo documentation: docs/cli.md.\n";
    return os.str();
}

}  // namespace

int run_completion(Context &ctx) {
    const std::string &shell = ctx.operands.at(0);
    if (shell == "bash") {
        std::cout << bash_script();
    } else if (shell == "zsh") {
        // zsh runs the bash function through its bash compatibility layer.
        std::cout << "#compdef yativo\n"
                  << "# zsh completion for yativo: the bash one through bashcompinit.\n"
                  << "autoload -U +X bashcompinit && bashcompinit\n"
                  << bash_script();
    } else if (shell == "fish") {
        std::cout << fish_script();
    } else {
        throw UsageError("completion: SHELL is bash, zsh or fish, not '" + shell + "'");
    }
    return kExitOk;
}

int run_manpage(Context &) {
    std::cout << man_page();
    return kExitOk;
}

}  // namespace yvcli
