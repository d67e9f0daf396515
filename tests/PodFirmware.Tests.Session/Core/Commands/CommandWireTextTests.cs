using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>The texts a command result carries to the operator, and the command type names, word for word.</summary>
    [TestClass]
    public class CommandWireTextTests
    {
        [DataRow(0, "ok", "Applied.")]
        [DataRow(1, "not_docked", "The pod is not docked to a lamp post.")]
        [DataRow(2, "not_plugged", "No plug is detected in the connector.")]
        [DataRow(3, "fault_latched", "A fault is latched; reset it first.")]
        [DataRow(4, "reserved_for_other", "The pod is reserved for another account.")]
        [DataRow(5, "session_active", "A charging session is running.")]
        [DataRow(6, "no_session", "No charging session is running.")]
        [DataRow(7, "no_reservation", "No reservation is held.")]
        [DataRow(8, "no_move_permission", "The account has no permission to move pods.")]
        [DataRow(9, "limit_out_of_range", "The current limit is outside 0 A to the pod's rated current.")]
        [DataRow(10, "self_test_failed", "The self-test failed; see the fault for the check that failed.")]
        [DataRow(11, "lock_fault", "A lock reports a fault.")]
        [DataRow(12, "nothing_latched", "No fault is latched.")]
        [DataRow(13, "condition_present", "The condition that tripped is still present.")]
        [DataRow(14, "temperature_too_high", "The connector is still above its reset temperature.")]
        [DataRow(15, "sensor_fault_present", "A safety sensor still reads a fault.")]
        [DataRow(16, "store_failed", "The persisted fault latch could not be deleted; the pod stays latched.")]
        [DataRow(17, "busy", "The pod is busy (command queue, result store or intake full); nothing was applied; send again.")]
        [DataRow(18, "not_supported", "This pod does not support the command.")]
        [DataRow(19, "moving", "The pod is moving; dock and lock it first.")]
        [DataRow(20, "cable_not_recognised", "The cable's PP resistor reads open or out of band; reseat or replace the cable.")]
        [DataRow(21, "site_full", "The site is at its load limit; try later.")]
        [DataRow(22, "card_refused", "The back end refused the card.")]
        [DataRow(23, "card_rate_limited", "Too many card reads; try later.")]
        [DataRow(24, "card_unknown", "The controller is lost and the card is not on the allow-list.")]
        [DataRow(25, "key_rejected", "The new key is refused: not signed with the current key, an id in use, or the demo key.")]
        [DataRow(26, "key_store_failed", "The new key could not be stored; the keys are unchanged.")]
        [TestMethod]
        public static void Every_result_code_has_its_name_and_reason(int code, string name, string reason)
        {
            Assert.AreEqual(name, CommandResultNames.Of((CommandResultCode)code));
            Assert.AreEqual(reason, CommandResultNames.ReasonOf((CommandResultCode)code));
        }

        [TestMethod]
        public static void A_code_outside_the_table_has_no_name_and_no_reason()
        {
            Assert.AreEqual("unknown", CommandResultNames.Of((CommandResultCode)(-1)));
            Assert.AreEqual("", CommandResultNames.ReasonOf((CommandResultCode)CommandResultNames.Count));
        }

        [DataRow(0, "")]
        [DataRow(1, "start")]
        [DataRow(2, "stop")]
        [DataRow(3, "reserve")]
        [DataRow(4, "cancel_reservation")]
        [DataRow(5, "unlock")]
        [DataRow(6, "lock")]
        [DataRow(7, "set_current_limit")]
        [DataRow(8, "reset_fault")]
        [DataRow(9, "get_status")]
        [DataRow(10, "check_space")]
        [DataRow(11, "refuse_card")]
        [DataRow(12, "rotate_key")]
        [DataRow(13, "")]
        [DataRow(-1, "")]
        [TestMethod]
        public static void Every_command_type_has_its_wire_name(int type, string name)
        {
            Assert.AreEqual(name, CommandTypeNames.Name((CommandType)type));
        }
    }
}
