#pragma once
// Bad input of any kind (config, schedule, habits, trace, command line) is reported as one line naming the
// file, the line and the field; the CLI turns it into exit code 2.
#include <stdexcept>
#include <string>

namespace cqm {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string field, const std::string& why)
      : std::runtime_error(compose(file, line, field, why)),
        file_(std::move(file)),
        line_(line),
        field_(std::move(field)),
        why_(why) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& why() const { return why_; }

 private:
  static std::string compose(const std::string& file, int line, const std::string& field,
                             const std::string& why) {
    std::string out = file;
    if (line > 0) out.append(":").append(std::to_string(line));
    out.append(": ");
    if (!field.empty()) out.append(field).append(": ");
    return out.append(why);
  }
  std::string file_;
  int line_;
  std::string field_;
  std::string why_;
};

}  // namespace cqm
