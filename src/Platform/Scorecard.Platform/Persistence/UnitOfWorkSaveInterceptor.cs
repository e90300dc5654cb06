using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Platform.Persistence;

/// <summary>Starts the scope's unit of work transaction when a context is about to save (one instance for all contexts).</summary>
internal sealed class UnitOfWorkSaveInterceptor : SaveChangesInterceptor
{
    public static readonly UnitOfWorkSaveInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (UnitOfWorkOf(eventData.Context) is { } unitOfWork) await unitOfWork.BeforeSaveAsync(eventData.Context!, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (UnitOfWorkOf(eventData.Context) is { } unitOfWork) unitOfWork.BeforeSaveAsync(eventData.Context!, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <summary>The unit of work of the scope the context was made in (AddDbContext gives EF that scope's provider).</summary>
    private static UnitOfWork? UnitOfWorkOf(DbContext? context) =>
        context?.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<UnitOfWork>();
}
