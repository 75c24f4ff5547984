// The files a list of paths stands for (files.hpp).
#include "files.hpp"

#include <zjcredit/error.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

namespace zjcredit::io {

std::vector<std::filesystem::path> files_of(std::span<const std::filesystem::path> paths,
                                            std::span<const std::string_view> extensions) {
    const auto wanted = [&](const std::filesystem::path& p) {
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
    };
    std::vector<std::filesystem::path> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            if (!std::filesystem::exists(path, ec)) throw error(errc::io, "path", path.string(), "no such file or folder");
            out.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& e : std::filesystem::directory_iterator(path)) {
            const std::string file = e.path().filename().string();
            if (file.starts_with("~$") || file.starts_with(".")) continue;
            if (e.is_regular_file() && wanted(e.path())) found.push_back(e.path());
        }
        if (found.empty()) {
            std::string kinds;
            for (std::size_t k = 0; k < extensions.size(); ++k)
                kinds += std::string(k == 0 ? "" : k + 1 == extensions.size() ? " or " : ", ") + std::string(extensions[k]);
            throw error(errc::io, "path", path.string(), "a folder with no " + kinds + " file");
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace zjcredit::io
