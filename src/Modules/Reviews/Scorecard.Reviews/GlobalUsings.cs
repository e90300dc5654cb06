global using Scorecard.Platform;
