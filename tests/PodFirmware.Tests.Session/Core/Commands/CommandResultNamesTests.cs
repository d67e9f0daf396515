using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class CommandResultNamesTests
    {
        [TestMethod]
        public static void Every_result_code_has_a_unique_name_and_a_sentence()
        {
            Assert.AreEqual((int)CommandResultCode.KeyStoreFailed + 1, CommandResultNames.Count);
            for (int i = 0; i < CommandResultNames.Count; i++)
            {
                Assert.AreNotEqual(CommandResultNames.Unknown, CommandResultNames.Of((CommandResultCode)i), "name of code " + i.ToString());
                string reason = CommandResultNames.ReasonOf((CommandResultCode)i);
                Assert.IsTrue(reason.Length > 5 && reason[reason.Length - 1] == '.', "reason of code " + i.ToString());
                for (int j = i + 1; j < CommandResultNames.Count; j++)
                {
                    Assert.AreNotEqual(CommandResultNames.Of((CommandResultCode)i), CommandResultNames.Of((CommandResultCode)j));
                }
            }
        }

        [DataRow((int)CommandResultCode.Ok, "ok")]
        [DataRow((int)CommandResultCode.ReservedForOther, "reserved_for_other")]
        [DataRow((int)CommandResultCode.NoMovePermission, "no_move_permission")]
        [DataRow((int)CommandResultCode.Busy, "busy")]
        [DataRow((int)CommandResultCode.CardRefused, "card_refused")]
        [DataRow((int)CommandResultCode.CardUnknown, "card_unknown")]
        [DataRow((int)CommandResultCode.KeyRejected, "key_rejected")]
        [DataRow((int)CommandResultCode.KeyStoreFailed, "key_store_failed")]
        [TestMethod]
        public static void Names_are_snake_case_wire_words(int code, string name)
        {
            Assert.AreEqual(name, CommandResultNames.Of((CommandResultCode)code));
        }

        [TestMethod]
        public static void Values_outside_the_enum_are_unknown()
        {
            Assert.AreEqual("unknown", CommandResultNames.Of((CommandResultCode)CommandResultNames.Count));
            Assert.AreEqual("", CommandResultNames.ReasonOf((CommandResultCode)(-1)));
        }
    }
}
