#pragma once
// The option types every command shares, each with CLI11 validators that refuse what does not fit (exit 2,
// naming the option): whole numbers in a range, never wrapped or saturated; durations that are finite; sizes
// through CLI11's AsSizeValue; names of files and folders that are not empty.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace cqm::cli {

/// A whole number in [lo, hi], written as digits only: "-1", "1e3" or a number past 2^64 are refused, not
/// converted.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);
/// Seconds: a finite number in (0, 10^7].
CLI::Validator seconds();
/// A file or folder name: not empty.
CLI::Validator name_given();

/// --max-memory: a size such as 512M or 4G (CLI11's AsSizeValue, 1K = 1024), at least 1 MiB.
CLI::Option* add_memory_option(CLI::App& cmd, std::uint64_t& bytes, const std::string& help);

}  // namespace cqm::cli
