namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// The sign a cause-and-effect link expects between the driver's and the outcome's series. Opposite suits a
/// driver whose rise should lower a lower-is-better outcome (more training hours → fewer defects).
/// </summary>
internal enum ExpectedDirection
{
    SameDirection = 1,
    OppositeDirection = -1,
}
