#pragma once
// The configuration, in three parts: the model's settings (what the system under study is), the exploration
// envelope (what the environment may do, and the canonical timeline `simulate` runs), and the expected
// verdict of each property. Every number the model or the explorers use lives here, with the KB's defaults;
// presets (presets.cpp) are named values of it. Where the KB is silent a field says so, and README.md lists
// it under "Model assumptions". doc/config.md gives every TOML key.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace cqm {

/// One advertised program: what it does when it finishes.
struct ProgramSpec {
  AfterRunning after_running = AfterRunning::ProgramRestarts;
  MifResult mif = MifResult::Success;  ///< the status .mif the canonical timeline and generated schedules use
  Minutes expires_at = 0;              ///< when its advertisement expires (Q257280's reruns stop); 0: never
  int same_program_as = -1;  ///< another advertisement of the program of [[program]] k < this one (Q247230)
  bool operator==(const ProgramSpec&) const = default;
};

/// The most queue items the model holds with inventory agents on (a queue slot is a machine instance).
inline constexpr int kMaxRegistryCapacity = 48;
/// The most clients one site model holds (each client is a block of machine instances).
inline constexpr int kMaxClients = 16;
/// The most runs of one job the model holds (its statuses need queue slots): past it a search is
/// INCONCLUSIVE.
inline constexpr int kMaxRuns = 8;
/// The most advertised programs a config holds (the environment names the programs finishing at once in a
/// byte).
inline constexpr int kMaxPrograms = 8;

/// The system under study: the client, its advertised programs and CQM.
struct ModelSettings {
  Os os = Os::Win9x;
  /// SMS 2.0 service pack, 0 (the release) to 4: model/service_packs.hpp's table says what each level
  /// changes. Assumption: 2, the first level at which Q292030's text ("the item is deleted after its
  /// configured item lifetime") reads true of an inaccessible destination (before SP2, Q263594: expired items
  /// are kept).
  int service_pack = 2;
  std::string site_code = "W2K";
  Minutes boot_minutes = 2;      ///< assumption: power-on to CQM start
  Minutes shutdown_minutes = 1;  ///< assumption: shut-down request to power off
  std::vector<ProgramSpec> programs{ProgramSpec{}};

  // Copy Queue Manager (KB defaults).
  Minutes wake_up_cycle = 1380;   ///< KB: "default Copy Queue Manager cycle is 1380 minutes"
  Minutes item_lifetime = 11520;  ///< KB: "item lifetime ... 11520 minutes (eight days)"
  bool startup_cycle = true;      ///< assumption: CQM runs a copy cycle as soon as it starts
  /// Q301352: the article's log (remove after the first try) or its text (retry with new names, up to 50).
  NameCollision name_collision = NameCollision::Remove;
  RetryPolicy retry_policy =
      RetryPolicy::WakeUp;             ///< assumption behind "retry set to 1": wait for the wake-up
  Minutes retry_interval = 15;         ///< used by RetryPolicy::Interval (fix-short-retry)
  bool reconnect_when_broken = false;  ///< fix-reconnect: re-initialise a broken CAP connection
  Minutes reconnect_delay = 5;         ///< ... this long after the race window has passed
  bool late_reinit_succeeds = true;    ///< assumption: any re-initialisation after the race window succeeds

  // The inventory agents: periodic producers of queue items for their own CAP inboxes (hardware inventory to
  // inventry.box, software inventory to sinv.box), the first run one interval after the first start-up, a run
  // missed while the PC was off taken at the next start-up. 0: the agent is not modelled (Q292030's presets:
  // its story is one status message). The articles give no interval (Q263594: "the time varies according to
  // inventory schedule"); the presets that turn them on use 7 days (10080 min), our assumption.
  Minutes hardware_inventory_interval = 0;
  Minutes software_inventory_interval = 0;
  /// Queue items the registry holds before it is full (Q263594: CQM's items are registry keys; past capacity
  /// "the loss of the user's profile"). Assumption: the KB gives no figure (NT's limit is in bytes); the
  /// model holds at most kMaxRegistryCapacity items, and we take 32.
  int registry_capacity = 32;

  // The Win9x initialisation race.
  InitFailure init_failure = InitFailure::Race;
  Minutes race_window = 2;  ///< "moments later": work arriving this soon after start-up races CQM's init

  /// The client's clock against the site server's, in minutes (positive: the client is ahead). A status
  /// message is stamped with the client's time; Status Manager compares the stamp with its own clock
  /// (Q246749). Assumption: 0, clocks in step; the article gives no figure.
  Minutes clock_offset = 0;

  /// The site: the CAP, the Inbox Manager Assistant that moves each file from the CAP to the site server's
  /// inbox, and Status Manager (Q311212, Q246749; Q200852 for the path). Where the articles give no figure
  /// the defaults are our assumptions, named in doc/config.md.
  struct Site {
    /// The clients of the site, all on one CAP and alike (the config describes one; each acts on its own
    /// schedule). Q301352's loss exists only with several.
    int clients = 1;
    /// The site server's SMS 2.0 service pack, 0-4: Status Manager's future queue (Q246749, fixed in SP2).
    int service_pack = 2;
    /// Q311212's hotfix (post-SP3, in the SP4 Hotfix Rollup): the assistant copies as .tmp, then renames.
    bool inbox_hotfix = false;
    /// A status message file's size and the CAP-to-site-server link: how long the assistant's copy takes.
    /// Assumption: a 1 KiB .svf over a 64 kbit/s link (well under a minute: no copy is seen mid-way).
    int status_file_bytes = 1024;
    int link_kbps = 64;
    /// The Inbox Manager Assistant takes the files on the CAP at multiples of this many minutes; 0: as soon
    /// as each lands. Assumption: 0, the articles give no interval; Q301352's collision needs the first file
    /// still on the CAP when the second is copied, so its preset takes 1.
    Minutes assistant_interval = 0;
    /// The error Status Manager gets opening a file mid-copy: 5 (access denied: it deletes the file) or 32
    /// (in use: it cannot delete it either). Q311212 gives both and not when each occurs.
    int open_error = 5;
    /// The SMS Executive is restarted this often (Q246749's workaround releases the future queue); 0: never.
    Minutes executive_restart_every = 0;
    /// status_reaches_site_database: a status is processed at the site within this long of its submission.
    /// Assumption: the item lifetime's default, eight days.
    Minutes status_deadline = 11520;
    bool operator==(const Site&) const = default;
  } site;
  /// The assistant's copy of one status file, in whole minutes: a copy shorter than a minute is over in the
  /// minute it starts (the model's clock ticks in minutes).
  Minutes site_copy_minutes() const;

  /// Status messages the queue can hold: two per run (started, final) of each program's job.
  int statuses() const;
  /// The runs a job may make: one, or where its job is left scheduled (Q257280) one per start-up until its
  /// advertisement expires, at most kMaxRuns.
  int max_runs(int program) const;
  /// The inventory agents modelled, in order: hardware first.
  int inventory_agents() const {
    return (hardware_inventory_interval > 0) + (software_inventory_interval > 0);
  }
  /// CQM's destinations: statmsgs.box, then each agent's inbox.
  int destinations() const { return 1 + inventory_agents(); }
  /// The inbox of destination d, and the agent's schedule and destination.
  Inbox inbox(int destination) const;
  Minutes agent_interval(int agent) const;
  int agent_destination(int agent) const { return 1 + agent; }
};

/// When the environment runs one program: any time in [from, until) in the explorers, `at` in the canonical
/// timeline.
struct ProgramWindow {
  Minutes from = 480;    ///< 08:00
  Minutes until = 1440;  ///< day 1 00:00
  Minutes at = 600;      ///< day 0 10:00
  bool operator==(const ProgramWindow&) const = default;
};

/// The canonical timeline of `cqmcheck simulate`: the user's day as the KB tells it.
struct UserDay {
  Minutes on_at = 480;                   ///< 08:00
  Minutes off_at = 1020;                 ///< 17:00
  bool always_on = false;                ///< workaround B: the PC is left on
  bool init_fails_when_possible = true;  ///< canonical timeline: CQM init fails at every start-up it may
  int days = 0;                          ///< horizon in days; 0 = long enough for the item lifetime to end
};

/// The explorers' environment envelope: what the user, Windows and the CAP may do. Fixes are proved only
/// inside it, and every verdict prints the assumptions it rests on (DESIGN §1 "Fairness").
struct Envelope {
  Minutes quantum = 60;      ///< exhaustive explorer: environment decisions happen on multiples of this
  Minutes on_from = 480;     ///< the user switches the PC on between on_from ...
  Minutes on_until = 540;    ///< ... and on_until
  int max_days_off = 0;      ///< ... on every day, or after at most this many days in a row without it
  Minutes min_session = 60;  ///< after any start-up the PC stays up at least this long
  Minutes max_session =
      600;  ///< the user switches off at the latest this long after a start-up; 0 = may stay on
  bool user_powers_off = true;  ///< false: the PC is never switched off (workaround B)
  std::vector<ProgramWindow> programs{ProgramWindow{}};  ///< one per ModelSettings::programs
  int max_init_failures_in_a_row = -1;  ///< -1: unbounded (the KB's "every start-up may fail")
  int max_cap_outages = 0;              ///< real CAP outages the environment may add
  Minutes max_outage = 0;               ///< ... each lasting at most this long
  int max_queue = 0;          ///< exhaustive explorer's bound on queue items; 0: all a run can submit
  bool cap_reachable = true;  ///< false: the client is cut off from its CAP for the whole run (Q263594)
  int random_runs = 10000;    ///< schedules the random explorer checks per preset
  UserDay day;                ///< the one timeline `simulate` runs
};

/// The verdict `cqmcheck suite` expects of each property; a property not named is expected to hold. An
/// assumption the verdicts rest on can be marked as not needed (the suite's negation test checks the mark).
struct Expectations {
  std::map<std::string, Verdict, std::less<>> verdicts;
  std::vector<std::string> assumptions_not_needed;  ///< config keys, e.g. "environment.min_session"
  Verdict of(std::string_view property) const;
  bool not_needed(std::string_view key) const;
};

/// Where a config was read from: the file and the line of each key, so that a check made later (the
/// exhaustive explorer's grid) can still name the line.
struct ConfigSource {
  std::string file;
  std::map<std::string, int, std::less<>> lines;
  int line_of(std::string_view key) const;
};

/// Free text is shown in every report and picture: its length is capped when a config is read.
inline constexpr std::size_t kMaxName = 100;
inline constexpr std::size_t kMaxSummary = 500;

struct Config {
  std::string name = "custom";
  std::string summary;
  std::string article;  ///< the KB article a preset reproduces ("Q292030"); empty for others
  ModelSettings model;
  Envelope env;
  Expectations expected;
  ConfigSource source;

  int programs() const { return static_cast<int>(model.programs.size()); }
};

/// Every preset, in the order `cqmcheck presets` lists them.
const std::vector<Config>& presets();
/// The preset of that name, or empty.
std::optional<Config> find_preset(std::string_view name);

/// The checks a config must pass whatever its source (preset, TOML, sweep): returns the offending key and
/// why.
std::optional<std::pair<std::string, std::string>> validate(const Config& config);

/// The horizon of the canonical timeline: the UserDay's days, or long enough for every status to expire (and,
/// with inventory agents, for the queue to pass the registry's capacity if nothing leaves it).
Minutes canonical_horizon(const Config& config);
/// The explorers' horizon: every status's whole lifetime after the latest program window (and the inventory
/// horizon below), on the environment's grid.
Minutes exploration_horizon(const Config& config);
/// With inventory agents, the time by which a queue nothing leaves has passed the registry's capacity, for a
/// PC first up at `first_up` and off at most `days_off` days in a row; 0 without agents.
Minutes inventory_horizon(const Config& config, Minutes first_up, int days_off);

/// "program[1].after_running" — how keys of the i-th [[program]] table are named in errors and sweeps.
std::string program_key(int program, std::string_view key);

}  // namespace cqm
