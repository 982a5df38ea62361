// SPDX-License-Identifier: GPL-3.0-or-later
// main() of a fuzz target built without libFuzzer (gcc, the ci preset): feeds every file of the directories (or the
// files) named on the command line to LLVMFuzzerTestOneInput once, so that CI replays the corpora on every run.
// Arguments starting with '-' are libFuzzer options and are ignored, so the same command line works for both builds.
#include "fuzzsupport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<std::filesystem::path> inputsOf(const std::filesystem::path &path)
{
    std::vector<std::filesystem::path> inputs;
    if (std::filesystem::is_directory(path)) {
        for (const auto &entry : std::filesystem::recursive_directory_iterator(path)) {
            if (entry.is_regular_file())
                inputs.push_back(entry.path());
        }
        // The same order on every machine, so that a failure names the same file everywhere.
        std::sort(inputs.begin(), inputs.end());
    } else {
        inputs.push_back(path);
    }
    return inputs;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument.empty() || argument.front() == '-')
            continue;
        if (!std::filesystem::exists(argument)) {
            std::fprintf(stderr, "%s: no such file or directory\n", argument.c_str());
            return 2;
        }
        const auto found = inputsOf(argument);
        inputs.insert(inputs.end(), found.begin(), found.end());
    }
    // An empty corpus would pass without testing anything.
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE… (no input found)\n", argv[0]);
        return 2;
    }
    for (const auto &input : inputs) {
        std::ifstream file(input, std::ios::binary);
        const std::vector<char> content{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        // Printed before the run, so that a crash is attributed to its input.
        std::fprintf(stderr, "replaying %s\n", input.string().c_str());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(content.data()), content.size());
    }
    std::fprintf(stderr, "%zu inputs replayed\n", inputs.size());
    return 0;
}
