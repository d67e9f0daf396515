using nanoFramework.TestFramework;
using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Locks
{
    [TestClass]
    public class LocksConfigTests
    {
        private static ConfigErrors Validate(LocksConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("locks", errors);
            return errors;
        }

        [TestMethod]
        public static void The_defaults_are_valid_2s_travel_10min_move_and_nobody_may_unlock()
        {
            var config = new LocksConfig();
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            Assert.AreEqual(2000, config.TravelTimeoutMs);
            Assert.AreEqual(600000, config.MoveTimeoutMs);
            Assert.AreEqual(0, config.MoveAccounts.Length);
        }

        [DataRow(99, 600000, "locks.travelTimeoutMs")]
        [DataRow(10001, 600000, "locks.travelTimeoutMs")]
        [DataRow(2000, 9999, "locks.moveTimeoutMs")]
        [DataRow(2000, 3600001, "locks.moveTimeoutMs")]
        [TestMethod]
        public static void Names_a_timeout_out_of_range(int travelTimeoutMs, int moveTimeoutMs, string key)
        {
            var config = new LocksConfig();
            config.TravelTimeoutMs = travelTimeoutMs;
            config.MoveTimeoutMs = moveTimeoutMs;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains(key + ":", errors.ToString());
        }

        [TestMethod]
        public static void Names_each_bad_move_account_by_its_index()
        {
            var config = new LocksConfig();
            config.MoveAccounts = new string[] { "ops", "", "fleet", null, new string('a', 65) };
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(3, errors.Count, errors.ToString());
            Assert.Contains("locks.moveAccounts[1]:", errors.ToString());
            Assert.Contains("locks.moveAccounts[3]:", errors.ToString());
            Assert.Contains("locks.moveAccounts[4]:", errors.ToString());
        }

        [TestMethod]
        public static void Accepts_32_accounts_of_64_characters_and_refuses_33()
        {
            var config = new LocksConfig();
            config.MoveAccounts = new string[32];
            for (int i = 0; i < 32; i++)
            {
                config.MoveAccounts[i] = new string('a', 64);
            }

            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            var tooMany = new string[33];
            for (int i = 0; i < 33; i++)
            {
                tooMany[i] = "x";
            }

            config.MoveAccounts = tooMany;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("locks.moveAccounts:", errors.ToString());
        }

        [DataRow(99, 600000, "locks.travelTimeoutMs: must be between 100 ms and 10000 ms, is 99 ms")]
        [DataRow(2000, 3600001, "locks.moveTimeoutMs: must be between 10000 ms and 3600000 ms, is 3600001 ms")]
        [TestMethod]
        public static void A_timeout_out_of_range_is_refused_with_its_range_in_ms(int travelTimeoutMs, int moveTimeoutMs, string message)
        {
            var config = new LocksConfig();
            config.TravelTimeoutMs = travelTimeoutMs;
            config.MoveTimeoutMs = moveTimeoutMs;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(message, errors[0]);
        }

        [TestMethod]
        public static void A_missing_account_list_is_refused_as_missing()
        {
            var config = new LocksConfig();
            config.MoveAccounts = null;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("locks.moveAccounts: missing", errors[0]);
        }

        [TestMethod]
        public static void Too_many_accounts_and_a_bad_account_are_refused_with_the_limits()
        {
            var config = new LocksConfig();
            config.MoveAccounts = new string[33];
            for (int i = 0; i < 33; i++)
            {
                config.MoveAccounts[i] = i == 5 ? "" : "x";
            }

            ConfigErrors errors = Validate(config);
            Assert.AreEqual(2, errors.Count, errors.ToString());
            Assert.AreEqual("locks.moveAccounts: at most 32 accounts, has 33", errors[0]);
            Assert.AreEqual("locks.moveAccounts[5]: must be 1 to 64 characters", errors[1]);
        }

        [TestMethod]
        public static void LockStateNames_are_snake_case()
        {
            Assert.AreEqual("locked", LockStateNames.Of(LockState.Locked));
            Assert.AreEqual("unlocked", LockStateNames.Of(LockState.Unlocked));
            Assert.AreEqual("locking", LockStateNames.Of(LockState.Locking));
            Assert.AreEqual("unlocking", LockStateNames.Of(LockState.Unlocking));
            Assert.AreEqual("fault", LockStateNames.Of(LockState.Fault));
            Assert.AreEqual("unknown", LockStateNames.Of((LockState)99));
        }
    }
}
