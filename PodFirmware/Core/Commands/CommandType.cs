namespace PodFirmware.Core.Commands
{
    /// <summary>What a signed command asks the pod to do; the wire names are in <see cref="CommandTypeNames"/>.</summary>
    public enum CommandType
    {
        /// <summary>No command (a cleared <see cref="Command"/>).</summary>
        None = 0,

        /// <summary><c>start</c>: start charging for an account (fields: account; optional limitA, tariffPerKwh).</summary>
        Start = 1,

        /// <summary><c>stop</c>: end the charging session.</summary>
        Stop = 2,

        /// <summary><c>reserve</c>: hold the pod for an account (fields: account, durationS).</summary>
        Reserve = 3,

        /// <summary><c>cancel_reservation</c>: release a reservation.</summary>
        CancelReservation = 4,

        /// <summary><c>unlock</c>: release the connector lock.</summary>
        Unlock = 5,

        /// <summary><c>lock</c>: engage the connector lock.</summary>
        Lock = 6,

        /// <summary><c>set_current_limit</c>: change the charging current limit (field: limitA).</summary>
        SetCurrentLimit = 7,

        /// <summary><c>reset_fault</c>: clear a latched fault once its cause is gone.</summary>
        ResetFault = 8,

        /// <summary><c>get_status</c>: publish a status report now.</summary>
        GetStatus = 9,

        /// <summary><c>check_space</c>: report whether the parking space is free.</summary>
        CheckSpace = 10,

        /// <summary><c>refuse_card</c>: the back end refuses a card read at the pod (fields: card, reason); its id is the read's id.</summary>
        RefuseCard = 11,
        /// <summary><c>rotate_key</c>: replace the current command key (fields: keyId, key wrapped under the current key); handled on the messaging side.</summary>
        RotateKey = 12,
    }
}
