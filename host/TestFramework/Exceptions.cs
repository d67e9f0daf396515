using System;

namespace TestFrameworkShared
{
    /// <summary>Thrown by a failed assertion; the launcher reports the test as failed with its message.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with no message.</summary>
        public AssertFailedException()
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/>.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
        public AssertFailedException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest"/>; the launcher reports the test as skipped.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception with <paramref name="message"/> and an optional cause.</summary>
        public SkipTestException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
