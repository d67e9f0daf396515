using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>The session fields of start (maxEnergyKwh, maxDurationS, maxAmount), the account of unlock and the optional durationS of reserve.</summary>
    [TestClass]
    public class CommandSessionFieldsTests
    {
        private const string Account = ",\"account\":\"acct-42\"";

        private static CommandAuthResult Verify(string type, string extra, Command into, out string reason)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json(type, "c-1", SignedCommands.Nonce1, SignedCommands.Now, extra));
            CommandAuthResult result = auth.Verify(envelope, envelope.Length, SignedCommands.Now, into);
            reason = auth.LastReason;
            return result;
        }

        [DataRow("0.001", 1L)]
        [DataRow("22.5", 22500L)]
        [DataRow("7.125", 7125L)]
        [DataRow("1000", 1000000L)]
        [DataRow("1000.000", 1000000L)]
        [TestMethod]
        public static void Start_accepts_maxEnergyKwh_as_exact_Wh(string value, long expectedWh)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("start", Account + ",\"maxEnergyKwh\":" + value, into, out reason), reason);
            Assert.IsTrue(into.HasMaxEnergy);
            Assert.AreEqual(expectedWh, into.MaxEnergyWh);
            Assert.IsFalse(into.HasMaxDuration);
            Assert.IsFalse(into.HasMaxAmount);
        }

        [DataRow("0.0001", "field 'maxEnergyKwh'")]
        [DataRow("7.1255", "field 'maxEnergyKwh'")]
        [DataRow("0", "field 'maxEnergyKwh'")]
        [DataRow("-1", "field 'maxEnergyKwh'")]
        [DataRow("1000.001", "field 'maxEnergyKwh'")]
        [DataRow("1e6", "field 'maxEnergyKwh'")]
        [TestMethod]
        public static void Start_refuses_maxEnergyKwh_with_excess_decimals_or_out_of_range(string value, string reasonPart)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.InvalidField, (int)Verify("start", Account + ",\"maxEnergyKwh\":" + value, into, out reason), reason);
            Assert.Contains(reasonPart, reason);
            Assert.IsFalse(into.HasMaxEnergy, "a rejected command is cleared");
        }

        [DataRow(1)]
        [DataRow(3600)]
        [DataRow(86400)]
        [TestMethod]
        public static void Start_accepts_maxDurationS_from_1_to_86400(int seconds)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("start", Account + ",\"maxDurationS\":" + seconds.ToString(), into, out reason), reason);
            Assert.IsTrue(into.HasMaxDuration);
            Assert.AreEqual(seconds, into.MaxDurationS);
        }

        [DataRow("0", (int)CommandAuthResult.InvalidField)]
        [DataRow("86401", (int)CommandAuthResult.InvalidField)]
        [DataRow("-5", (int)CommandAuthResult.InvalidField)]
        [DataRow("60.5", (int)CommandAuthResult.WrongFieldType)]
        [DataRow("\"60\"", (int)CommandAuthResult.WrongFieldType)]
        [TestMethod]
        public static void Start_refuses_maxDurationS_outside_1_to_86400_or_not_an_integer(string value, int expected)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual(expected, (int)Verify("start", Account + ",\"maxDurationS\":" + value, into, out reason), reason);
            Assert.Contains("field 'maxDurationS'", reason);
        }

        [DataRow("0", 0L)]
        [DataRow("12.5", 125000L)]
        [DataRow("0.0001", 1L)]
        [DataRow("100000", 1000000000L)]
        [TestMethod]
        public static void Start_accepts_maxAmount_with_a_tariff(string value, long expectedScaled)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("start", Account + ",\"tariffPerKwh\":0.3,\"maxAmount\":" + value, into, out reason), reason);
            Assert.IsTrue(into.HasMaxAmount);
            Assert.AreEqual(expectedScaled, into.MaxAmountScaled);
            Assert.AreEqual(3000L, into.TariffPerKwhScaled);
        }

        [DataRow("0.00001")]
        [DataRow("-0.01")]
        [DataRow("100000.0001")]
        [TestMethod]
        public static void Start_refuses_maxAmount_with_excess_decimals_or_out_of_range(string value)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.InvalidField, (int)Verify("start", Account + ",\"tariffPerKwh\":0.3,\"maxAmount\":" + value, into, out reason), reason);
            Assert.Contains("field 'maxAmount'", reason);
        }

        [TestMethod]
        public static void Start_refuses_maxAmount_without_a_tariff()
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.InvalidField, (int)Verify("start", Account + ",\"maxAmount\":10", into, out reason), reason);
            Assert.AreEqual("field 'maxAmount': requires tariffPerKwh", reason);
        }

        [TestMethod]
        public static void Start_accepts_all_three_limits_together()
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("start", Account + ",\"maxEnergyKwh\":20,\"maxDurationS\":7200,\"tariffPerKwh\":0.315,\"maxAmount\":5.25", into, out reason), reason);
            Assert.AreEqual(20000L, into.MaxEnergyWh);
            Assert.AreEqual(7200, into.MaxDurationS);
            Assert.AreEqual(52500L, into.MaxAmountScaled);
            Assert.AreEqual(3150L, into.TariffPerKwhScaled);
        }

        [DataRow("stop", ",\"maxEnergyKwh\":1", "field 'maxEnergyKwh' is not defined for type 'stop'")]
        [DataRow("reserve", ",\"account\":\"a\",\"maxDurationS\":60", "field 'maxDurationS' is not defined for type 'reserve'")]
        [DataRow("set_current_limit", ",\"limitA\":6,\"maxAmount\":1", "field 'maxAmount' is not defined for type 'set_current_limit'")]
        [TestMethod]
        public static void The_session_limits_belong_to_start_only(string type, string extra, string expectedReason)
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.UnexpectedField, (int)Verify(type, extra, into, out reason), reason);
            Assert.AreEqual(expectedReason, reason);
        }

        [TestMethod]
        public static void Unlock_requires_the_account_asking_to_move_the_pod()
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.MissingField, (int)Verify("unlock", "", into, out reason), reason);
            Assert.AreEqual("field 'account': missing", reason);

            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("unlock", ",\"account\":\"tech-7\"", into, out reason), reason);
            Assert.AreEqual((int)CommandType.Unlock, (int)into.Type);
            Assert.AreEqual("tech-7", into.Account);
        }

        [TestMethod]
        public static void Reserve_without_durationS_asks_for_the_default_window()
        {
            var into = new Command();
            string reason;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify("reserve", Account, into, out reason), reason);
            Assert.AreEqual(0, into.DurationS, "0 means the pod's default window");
            Assert.AreEqual("acct-42", into.Account);

            Assert.AreEqual((int)CommandAuthResult.MissingField, (int)Verify("reserve", ",\"durationS\":60", into, out reason), reason);
            Assert.AreEqual("field 'account': missing", reason);
        }
    }
}
