namespace PodFirmware.Core.Commands
{
    /// <summary>The wire names of <see cref="CommandType"/> (the <c>"type"</c> field), kept in one table so the reader and the docs agree.</summary>
    /// <remarks>Thread-safe: immutable after type initialisation.</remarks>
    public static class CommandTypeNames
    {
        /// <summary>Number of entries in the table: every <see cref="CommandType"/> value, <see cref="CommandType.None"/> included.</summary>
        public const int Count = 13;

        private static readonly string[] Names = BuildNames();

        /// <summary>The wire name of <paramref name="type"/> (e.g. <c>set_current_limit</c>); empty for <see cref="CommandType.None"/> or an undefined value. Allocates nothing.</summary>
        public static string Name(CommandType type)
        {
            int index = (int)type;
            return index > 0 && index < Count && Names[index] != null ? Names[index] : "";
        }

        private static string[] BuildNames()
        {
            var names = new string[Count];
            names[(int)CommandType.None] = "";
            names[(int)CommandType.Start] = "start";
            names[(int)CommandType.Stop] = "stop";
            names[(int)CommandType.Reserve] = "reserve";
            names[(int)CommandType.CancelReservation] = "cancel_reservation";
            names[(int)CommandType.Unlock] = "unlock";
            names[(int)CommandType.Lock] = "lock";
            names[(int)CommandType.SetCurrentLimit] = "set_current_limit";
            names[(int)CommandType.ResetFault] = "reset_fault";
            names[(int)CommandType.GetStatus] = "get_status";
            names[(int)CommandType.CheckSpace] = "check_space";
            names[(int)CommandType.RefuseCard] = "refuse_card";
            names[(int)CommandType.RotateKey] = "rotate_key";
            return names;
        }
    }
}
