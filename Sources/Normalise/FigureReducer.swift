/// Decides which single figure, if any, a cell's numbers stand for.
enum FigureReducer {
    /// `117/147 (56%)` and `62% (117/147)` → the percent; `61 (19%)` → the leading count;
    /// one number among words → that number; several → nil.
    static func reduce(_ tokens: [FigureToken]) -> FigureToken? {
        if tokens.count == 1 {
            return tokens[0].isFraction ? nil : tokens[0]
        }
        if tokens.count == 2 {
            let a = tokens[0], b = tokens[1]
            // A fraction beside a percent: the percent is the figure.
            if a.isFraction && b.percent && !b.isFraction { return b }
            if a.percent && b.isFraction && !a.isFraction { return a }
            // A count with its percent in brackets: the count is the figure.
            if !a.percent && !a.isFraction && !a.bracketed && b.percent && b.bracketed { return a }
            // A percent with its count in brackets: the percent is the figure.
            if a.percent && !a.bracketed && !b.percent && !b.currency && b.bracketed { return a }
        }
        return nil
    }
}
