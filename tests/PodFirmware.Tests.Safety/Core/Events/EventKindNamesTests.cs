using nanoFramework.TestFramework;
using PodFirmware.Core.Events;

namespace PodFirmware.Tests.Core.Events
{
    [TestClass]
    public class EventKindNamesTests
    {
        [DataRow((int)EventKind.Trip, "trip")]
        [DataRow((int)EventKind.Relay, "relay")]
        [DataRow((int)EventKind.Alarm, "alarm")]
        [DataRow((int)EventKind.FireRisk, "fire_risk")]
        [DataRow((int)EventKind.AllClear, "all_clear")]
        [DataRow((int)EventKind.FaultCleared, "fault_cleared")]
        [DataRow((int)EventKind.Status, "status")]
        [DataRow((int)EventKind.Session, "session")]
        [DataRow((int)EventKind.CommandResult, "command_result")]
        [DataRow((int)EventKind.Warning, "warning")]
        [DataRow((int)EventKind.SessionStarted, "session_started")]
        [DataRow((int)EventKind.Lock, "lock")]
        [DataRow((int)EventKind.Moving, "moving")]
        [DataRow((int)EventKind.Derate, "derate")]
        [DataRow((int)EventKind.CardRefused, "card_refused")]
        [TestMethod]
        public static void Names_each_kind_in_snake_case(int kind, string name)
        {
            Assert.AreEqual(name, EventKindNames.Of((EventKind)kind));
        }

        [TestMethod]
        public static void Names_are_unique_and_unknown_values_are_unknown()
        {
            for (int i = 0; i < EventKindNames.Count; i++)
            {
                for (int j = i + 1; j < EventKindNames.Count; j++)
                {
                    Assert.AreNotEqual(EventKindNames.Of((EventKind)i), EventKindNames.Of((EventKind)j));
                }
            }

            Assert.AreEqual("unknown", EventKindNames.Of((EventKind)EventKindNames.Count));
            Assert.AreEqual("unknown", EventKindNames.Of((EventKind)(-1)));
            Assert.AreEqual(EventKindNames.Count - 1, (int)EventKind.MoveRecord);
        }
    }
}
