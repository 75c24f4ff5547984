#include "read_all.hpp"

#include <zjcredit/error.hpp>

#include <array>

namespace zjcredit::io {

std::string read_all(std::istream& in, const std::string& name, std::string head, std::size_t limit) {
    std::string text = std::move(head);
    std::array<char, 1 << 16> chunk{};
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (text.size() + got > limit)
            throw parse_error(name, "",
                              "input larger than " + std::to_string(limit >> 20) + " MiB (" + std::to_string(limit) +
                                  " bytes), the largest accepted");
        text.append(chunk.data(), got);
    }
    if (in.bad()) throw error(errc::io, name, "", "cannot read");
    return text;
}

}  // namespace zjcredit::io
