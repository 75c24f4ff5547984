// What the subcommands share: the selected plan, reading input, atomic output.
#include "command.hpp"

#include "../io/atomic_file.hpp"
#include "../io/read_all.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/overrides.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <fstream>
#include <iostream>
#include <memory>

namespace zjcredit::cli {

std::string read_file(const std::string& path) {
    if (path == "-") return io::read_all(std::cin, "<stdin>");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw zjcredit::error(errc::io, "file", path, "cannot open for reading");
    return io::read_all(in, path);
}

const plan::plan& selected_plan(const options& o) {
    if (!o.plan_file && o.set.empty()) return plan::plan_2022();
    static std::unique_ptr<plan::plan> loaded;
    if (!loaded) {
        plan::plan p = o.plan_file ? plan::plan_from_json(read_file(*o.plan_file)) : plan::plan_2022();
        // Each --set in turn, so a later one for the same parameter wins.
        for (const std::string& text : o.set) {
            const plan::setting s = plan::parse_setting(text);
            p = plan::with_parameters(p, s.rule, {{s.name, s.value}});
        }
        loaded = std::make_unique<plan::plan>(std::move(p));
    }
    return *loaded;
}

void write_output(const options& o, std::string_view text) {
    if (!o.output || *o.output == "-") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw zjcredit::error(errc::io, "output", "stdout", "cannot write");
        return;
    }
    io::atomic_file file(*o.output);
    file.stream() << text;
    file.commit();
}

bool looks_like_json(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

io::encoding input_encoding(const options& o) {
    return io::encoding_named(o.encoding.value_or(""), "--encoding");
}

const std::string& input_file(const options& o) {
    if (o.args.size() != 1)
        throw parse_error("arguments", "", "expected exactly one input FILE (or - for standard input)");
    return o.args.front();
}

}  // namespace zjcredit::cli
