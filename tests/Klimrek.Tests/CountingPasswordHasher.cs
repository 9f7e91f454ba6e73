namespace Klimrek.Tests;

/// <summary>Identity's password hasher, counting every check (so a test can see that a failed sign-in always hashed once).</summary>
public sealed class CountingPasswordHasher(Microsoft.AspNetCore.Identity.IPasswordHasher<Klimrek.Data.KlimrekUser> inner, CountingPasswordHasher.Counter counter)
    : Microsoft.AspNetCore.Identity.IPasswordHasher<Klimrek.Data.KlimrekUser>
{
    public sealed class Counter
    {
        private int _checks;
        public int Checks => Volatile.Read(ref _checks);
        public void Add() => Interlocked.Increment(ref _checks);
    }

    public string HashPassword(Klimrek.Data.KlimrekUser user, string password) => inner.HashPassword(user, password);

    public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(Klimrek.Data.KlimrekUser user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
